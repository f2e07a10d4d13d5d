namespace QuantumScheduler.Runtime;

/// <summary>Intercepts calls leaving the caller, in registration order, before the request is copied and sent.
/// A filter must await <see cref="IGrainCallContext.Invoke"/> for the call to proceed.</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}
