using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>What a client submits.</summary>
[GenerateSerializer]
public sealed record JobSubmission
{
    /// <summary>The problem in the JSON problem format (docs/problem-format.md).</summary>
    [Id(0)] public required string ProblemJson { get; init; }

    /// <summary>The budget the job is charged to (tenant or project).</summary>
    [Id(1)] public string Tenant { get; init; } = "default";

    /// <summary>Makes submit idempotent: the same id twice is one job. Null: every submit is a new job.</summary>
    [Id(2)] public string? ClientRequestId { get; init; }

    /// <summary>A strategy (<c>hybrid</c>, <c>adaptive_performance</c>, <c>cost_optimized</c>) or a backend name;
    /// null: the configured default strategy.</summary>
    [Id(3)] public string? Backend { get; init; }

    /// <summary>Wall-clock limit per attempt.</summary>
    [Id(4)] public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    [Id(5)] public int Seed { get; init; } = 1;

    /// <summary>False: never answer from the solution cache.</summary>
    [Id(6)] public bool UseCache { get; init; } = true;

    /// <summary>For <c>cost_optimized</c>: the largest acceptable relative gap to the best known objective.</summary>
    [Id(7)] public double? QualityTarget { get; init; }

    /// <summary>Free-form labels shown by the CLI and dashboard.</summary>
    [Id(8)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
