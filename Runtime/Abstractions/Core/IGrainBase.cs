namespace QuantumScheduler.Runtime;

/// <summary>What the runtime needs from a grain instance: its context and its lifecycle hooks.
/// <see cref="Grain"/> implements it; a POCO grain may implement it directly.</summary>
public interface IGrainBase
{
    IGrainContext GrainContext { get; }

    /// <summary>Runs after the grain's state is loaded and before its first call.</summary>
    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation ends; write state here. Not run when the process crashes.</summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
