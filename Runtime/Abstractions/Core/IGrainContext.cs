namespace QuantumScheduler.Runtime;

/// <summary>The runtime's view of one activation, as seen by the grain and by generated factories.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>Unique per activation: a new activation of the same grain gets a new id.</summary>
    Guid ActivationId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>Services for this activation (scoped to it).</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Adds a component (such as a persistent state) whose set-up runs after construction and
    /// before <c>OnActivateAsync</c>; if it throws, the activation fails.</summary>
    void Subscribe(IActivationLifecycleParticipant participant);
}

/// <summary>A component of an activation with work to do at activation (state load) time.</summary>
public interface IActivationLifecycleParticipant
{
    Task OnSetupStateAsync(CancellationToken cancellationToken);
}
