namespace QuantumScheduler.Runtime.Activation;

/// <summary>Where an activation is in its life; requests run only while it is <see cref="Valid"/>.</summary>
internal enum ActivationState
{
    /// <summary>Registered in the catalog; constructing the grain, loading state, running <c>OnActivateAsync</c>. Requests queue.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running <c>OnDeactivateAsync</c>; requests queue and are re-routed to a new activation afterwards.</summary>
    Deactivating,

    /// <summary>Gone: removed from the catalog and the directory. A request that still finds it is re-routed.</summary>
    Invalid,
}
