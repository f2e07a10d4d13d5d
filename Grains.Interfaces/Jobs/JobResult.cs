using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>The schedule a job produced, as checked by the feasibility checker.</summary>
[GenerateSerializer]
public sealed record JobResult
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string Backend { get; init; }

    /// <summary>The solver's status name: Feasible, Infeasible (the best schedule found breaks hard constraints), ...</summary>
    [Id(2)] public required string Status { get; init; }
    [Id(3)] public required bool IsFeasible { get; init; }
    [Id(4)] public double Objective { get; init; }
    [Id(5)] public double? Bound { get; init; }
    [Id(6)] public double? Gap { get; init; }
    [Id(7)] public double? QuboEnergy { get; init; }
    [Id(8)] public required IReadOnlyList<ScheduledTaskResult> Assignments { get; init; }
    [Id(9)] public IReadOnlyList<string> UnassignedTaskIds { get; init; } = [];

    /// <summary>Hard and soft violations, one line each, naming the task/agent/constraint.</summary>
    [Id(10)] public IReadOnlyList<string> Violations { get; init; } = [];
    [Id(11)] public TimeSpan WallTime { get; init; }
    [Id(12)] public bool FromCache { get; init; }

    /// <summary>For quantum and hybrid backends: the best classical objective on the same problem when one was computed.</summary>
    [Id(13)] public double? ClassicalReferenceObjective { get; init; }
    [Id(14)] public string? ClassicalReferenceBackend { get; init; }

    /// <summary>Backend facts (iterations, qubits, penalty weights...).</summary>
    [Id(15)] public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The agents' ids in problem order, so a Gantt chart can list idle agents too.</summary>
    [Id(16)] public IReadOnlyList<string> AgentIds { get; init; } = [];
}

/// <summary>One task's placement: its agent and, when the problem has durations, its start and end (time units of the problem).</summary>
[GenerateSerializer]
public sealed record ScheduledTaskResult([property: Id(0)] string TaskId, [property: Id(1)] string AgentId, [property: Id(2)] double? Start, [property: Id(3)] double? End);
