namespace QuantumScheduler.Grains.Configuration;

/// <summary>
/// The scheduler's behaviour: the <c>quantum_scheduler.scheduler</c> section of the seed's <c>config/production.yaml</c>,
/// bound from <c>QuantumScheduler:Scheduler</c>. Defaults are the seed's documented defaults.
/// </summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "QuantumScheduler:Scheduler";

    /// <summary>Solves running at once per worker node (<c>max_workers</c>, env <c>QUANTUM_SCHEDULER_MAX_WORKERS</c>). Default 4.</summary>
    public int MaxWorkers { get; set; } = 4;

    /// <summary>Solves waiting per worker node before it refuses more. Default 1000.</summary>
    public int MaxQueueLength { get; set; } = 1000;

    /// <summary><c>hybrid</c> (default), <c>adaptive_performance</c>, <c>cost_optimized</c>, or a backend name
    /// (env <c>QUANTUM_SCHEDULER_BACKEND_STRATEGY</c>).</summary>
    public string BackendStrategy { get; set; } = "hybrid";

    /// <summary><c>round_robin</c>, <c>least_connections</c> (default), <c>weighted_round_robin</c> or <c>intelligent</c>
    /// (multi-factor: load, latency, health).</summary>
    public string LoadBalancing { get; set; } = "least_connections";

    public SolutionCacheOptions Cache { get; set; } = new();

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public RetryPolicyOptions RetryPolicy { get; set; } = new();

    public ClassicalBaselineOptions ClassicalBaseline { get; set; } = new();

    /// <summary>How long an ended job keeps its result and events before they are deleted. Default 7 days.</summary>
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a job that has not ended checks on itself (a durable reminder): it resumes after its silo
    /// died and re-dispatches an attempt lost with a worker. At least the reminder service's minimum period. Default 1 min.</summary>
    public TimeSpan ResumeCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shortest interval between two progress reports of one running solve (4 per second). Default 250 ms.</summary>
    public TimeSpan ProgressReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>The solution cache (<c>cache:</c>): LRU with a time to live.</summary>
public sealed class SolutionCacheOptions
{
    /// <summary>Entries kept (<c>size</c>, env <c>QUANTUM_SCHEDULER_CACHE_SIZE</c>). Default 1000; 0 disables the cache.</summary>
    public int Size { get; set; } = 1000;

    /// <summary>Time to live of an entry (<c>ttl</c>, seconds in YAML). Default 3600 s.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(3600);
}

/// <summary>Per-backend circuit breakers (<c>circuit_breaker:</c>).</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failures that open the breaker (<c>failure_threshold</c>). Default 5.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long an open breaker waits before admitting one trial (<c>recovery_timeout</c>, seconds in YAML). Default 60 s.</summary>
    public TimeSpan RecoveryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a half-open breaker waits for its one trial to report before it counts the trial as lost (its
    /// caller died) and admits another (<c>trial_timeout</c>, seconds in YAML). Longer than any solve's time limit.
    /// Default 10 min.</summary>
    public TimeSpan TrialTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Retries of a failed attempt on the same backend before falling back (<c>retry_policy:</c>).</summary>
public sealed class RetryPolicyOptions
{
    /// <summary>Attempts per backend, the first included (<c>max_attempts</c>). Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the first retry (<c>base_delay</c>, seconds in YAML). Default 1.0 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1.0);

    /// <summary><c>exponential</c> (default: base × 2^(n−1) with full jitter), <c>linear</c> or <c>constant</c>.</summary>
    public string BackoffStrategy { get; set; } = "exponential";

    /// <summary>Upper bound of one delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The classical run every quantum and hybrid solve is compared with (<c>classical_baseline:</c>): its objective goes
/// into the job's result (<c>ClassicalReferenceObjective</c>) and the quantum backend's quality statistics, so that a
/// quantum advantage is measured rather than claimed. Off by default, because it runs a classical solve after each
/// quantum one.
/// </summary>
public sealed class ClassicalBaselineOptions
{
    /// <summary>A classical backend of the registry (<c>classical-tabu</c> or <c>classical-mip</c>); null or empty: no
    /// baseline. Default none.</summary>
    public string? Backend { get; set; }

    /// <summary>The baseline's time limit (<c>time_limit</c>, seconds in YAML). Default 2 s.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);
}
