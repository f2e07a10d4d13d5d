namespace QuantumScheduler.Runtime;

/// <summary>
/// Intercepts calls arriving at grains. Silo-wide filters (registered as services) run in registration
/// order, then the grain class's own filter if it implements this interface, then the method.
/// A filter must await <see cref="IGrainCallContext.Invoke"/> for the call to proceed.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
