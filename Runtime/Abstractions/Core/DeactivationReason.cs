namespace QuantumScheduler.Runtime;

/// <summary>Why an activation is being deactivated (Orleans' codes).</summary>
public enum DeactivationReasonCode
{
    None,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
    /// <summary>Activation (state load or <c>OnActivateAsync</c>) failed.</summary>
    ActivationFailed,
    DirectoryFailure,
    /// <summary>The activation was idle for its collection age.</summary>
    ActivationIdle,
    ActivationUnresponsive,
    DuplicateActivation,
    IncompatibleRequest,
    ApplicationError,
    /// <summary>The grain called <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,
    Migrating,
    RuntimeRequested,
    HighMemoryPressure,
}

/// <summary>A deactivation's reason code and a human-readable description.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
