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
}
