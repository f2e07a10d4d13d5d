namespace QuantumScheduler.Runtime;

/// <summary>
/// Lets a grain shorten or extend the life of its own activation. Implemented by the engine's activation
/// next to <see cref="IGrainContext"/>; <see cref="Grain"/> uses it for <c>DeactivateOnIdle</c> and
/// <c>DelayDeactivation</c>.
/// </summary>
public interface IGrainActivationControl
{
    /// <summary>Deactivates the activation once its current turn has finished; later calls get a new activation.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/>;
    /// <see cref="TimeSpan.Zero"/> removes the delay and <see cref="Timeout.InfiniteTimeSpan"/> keeps it forever.</summary>
    void DelayDeactivation(TimeSpan timeSpan);
}
