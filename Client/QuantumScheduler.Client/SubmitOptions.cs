namespace QuantumScheduler.Client;

/// <summary>How to run one submitted problem. Every member is optional; unset members take the server's defaults.</summary>
public sealed record SubmitOptions
{
    /// <summary>Makes the submit idempotent: submitting again with the same id (in the same tenant) returns the same
    /// job instead of starting a new one, so a retried request never runs twice. Null: every submit is a new job.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>A strategy (<c>hybrid</c>, <c>adaptive_performance</c>, <c>cost_optimized</c>) or a backend name
    /// (see <see cref="QuantumSchedulerClient.GetBackendsAsync"/>). Null: the server's configured strategy.</summary>
    public string? Backend { get; init; }

    /// <summary>The budget the job is charged to. Null: <see cref="QuantumSchedulerClientOptions.DefaultTenant"/>.</summary>
    public string? Tenant { get; init; }

    /// <summary>Wall-clock limit per attempt. Null: the server's default (10 s).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the randomised backends; the same seed gives the same answer. Null: 1.</summary>
    public int? Seed { get; init; }

    /// <summary>False: never answer from the solution cache. Default true.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>For <c>cost_optimized</c>: the largest acceptable relative gap to the best known objective.</summary>
    public double? QualityTarget { get; init; }

    /// <summary>Free-form labels shown by the CLI and the dashboard.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
