namespace QuantumScheduler.Grains.Configuration;

/// <summary>
/// The <c>backends:</c> section, bound from <c>QuantumScheduler:Backends</c>: settings per backend name of the solver
/// registry (<c>classical-tabu</c>, <c>qaoa</c>, ...). The seed's family keys (<c>classical</c>, <c>quantum_simulator</c>,
/// <c>quantum_hardware</c>) set the defaults of every backend in that family; a backend's own entry overrides them.
/// </summary>
public sealed class BackendsOptions
{
    public const string SectionName = "QuantumScheduler:Backends";

    /// <summary>Settings by family (<c>classical</c>, <c>quantum_simulator</c>, <c>hybrid</c>, <c>quantum_hardware</c>).</summary>
    public Dictionary<string, BackendOptions> Families { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Settings by backend name; override the family's.</summary>
    public Dictionary<string, BackendOptions> Backends { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often each backend's health is checked (<c>health_check_interval</c>, env
    /// <c>QUANTUM_SCHEDULER_HEALTH_CHECK_INTERVAL</c> in seconds). Default 30 s.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of the health check's test solve (a two-task problem). Default 2 s.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many recent attempts each backend's rolling statistics keep. Default 200.</summary>
    public int StatsWindow { get; set; } = 200;
}

/// <summary>One backend's (or family's) settings; null members inherit.</summary>
public sealed class BackendOptions
{
    public bool? Enabled { get; set; }

    /// <summary>Preference among equals (weighted strategies). Default 1.0.</summary>
    public double? Weight { get; set; }

    /// <summary>Largest problem accepted, in task-agent variables.</summary>
    public int? MaxProblemSize { get; set; }

    public int? MaxQubits { get; set; }

    /// <summary>Hardware provider name (quantum_hardware only).</summary>
    public string? Provider { get; set; }

    /// <summary>How long a hardware job may wait in the provider's queue.</summary>
    public TimeSpan? QueueTimeout { get; set; }
}
