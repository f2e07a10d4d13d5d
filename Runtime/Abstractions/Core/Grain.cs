using Microsoft.Extensions.DependencyInjection;

namespace QuantumScheduler.Runtime;

/// <summary>
/// Base class of grain implementations: identity, lifecycle hooks, timers, reminders and a factory for
/// calling other grains. Constructed by the runtime on a grain's first call; state injected with
/// <c>[PersistentState]</c> is loaded before <see cref="OnActivateAsync"/> runs.
/// </summary>
public abstract class Grain : IGrainBase, IAddressable
{
    /// <summary>Used by generated factories: the context is the activation being constructed.</summary>
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "A grain can only be created by the runtime (no grain context is being constructed on this thread)."))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The grain id and activation id, for logs.</summary>
    public string IdentityString => $"{GrainContext.GrainId} activation {GrainContext.ActivationId:N}";

    public IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    public IGrainFactory GrainFactory => ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>Runs after the grain's state is loaded and before its first call. If it throws, the call that
    /// triggered the activation fails with that exception and the next call tries again.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation ends (idle, requested, silo stopping); write state here.
    /// Not run if the process crashes.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation after the current turn; the next call creates a new one.</summary>
    protected void DeactivateOnIdle() =>
        ActivationControl.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called"));

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => ActivationControl.DelayDeactivation(timeSpan);

    /// <summary>
    /// Starts a timer owned by this activation. Its ticks run as turns of the grain (unless
    /// <see cref="GrainTimerCreationOptions.Interleave"/>), never overlap, are spaced from the end of the
    /// previous tick, and stop (cancelling the callback's token) when the timer is disposed or the grain deactivates.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return ServiceProvider.GetRequiredService<ITimerRegistry>().RegisterGrainTimer(GrainContext, callback, state, options);
    }

    /// <inheritdoc cref="RegisterGrainTimer{TState}(Func{TState, CancellationToken, Task}, TState, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return RegisterGrainTimer(static (cb, token) => cb(token), callback, options);
    }

    /// <inheritdoc cref="RegisterGrainTimer{TState}(Func{TState, CancellationToken, Task}, TState, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers (or replaces) a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
            throw new InvalidOperationException($"Grain {GrainId} must implement {nameof(IRemindable)} to register reminder \"{reminderName}\".");
        return Reminders.RegisterOrUpdateReminder(GrainId, reminderName, dueTime, period);
    }

    protected Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetReminder(GrainId, reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Reminders.GetReminders(GrainId);

    protected Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterReminder(GrainId, reminder);

    private IReminderRegistry Reminders => ServiceProvider.GetService<IReminderRegistry>()
        ?? throw new InvalidOperationException("No reminder service is configured for this silo (add a reminder provider).");

    private IGrainActivationControl ActivationControl => GrainContext as IGrainActivationControl
        ?? throw new InvalidOperationException($"The grain context of {GrainId} does not support activation control.");
}
