namespace QuantumScheduler.Runtime;

/// <summary>Creates grain timers; a silo service used by <see cref="Grain.RegisterGrainTimer{TState}"/>.</summary>
public interface ITimerRegistry
{
    IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
