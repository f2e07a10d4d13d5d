using QuantumScheduler.Runtime.Activation;

namespace QuantumScheduler.Runtime.Timers;

/// <summary>Creates grain timers on the calling grain's activation.</summary>
internal sealed class TimerRegistry : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (grainContext is not ActivationData activation)
            throw new ArgumentException("Timers can only be registered by grains hosted by this silo.", nameof(grainContext));
        return activation.RegisterTimer((s, token) => callback((TState)s!, token), state, options);
    }
}
