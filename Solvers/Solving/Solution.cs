using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Diagnosis;
using QuantumScheduler.Solvers.Explanation;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.Solving;

/// <summary>
/// The answer to one solve, checked by the feasibility checker and explained. For
/// <see cref="SolutionStatus.Invalid"/>, <see cref="SolutionStatus.Refused"/> and
/// <see cref="SolutionStatus.Unavailable"/> only the status, the reasons and the backend are set.
/// </summary>
public sealed record Solution
{
    public required string ProblemName { get; init; }
    public required string Backend { get; init; }
    public required SolutionStatus Status { get; init; }

    /// <summary>Every problem found by validation (status Invalid).</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    /// <summary>Why the backend did not solve the problem (status Refused or Unavailable).</summary>
    public IReadOnlyList<string> RefusalReasons { get; init; } = [];

    /// <summary>The assigned tasks with their times, in task order.</summary>
    public IReadOnlyList<ScheduledAssignment> Assignments { get; init; } = [];

    public IReadOnlyList<string> UnassignedTaskIds { get; init; } = [];

    /// <summary>The agent index of each task (-1 = unassigned), as the backend returned it.</summary>
    public int[] AgentOfTask { get; init; } = [];

    public bool IsFeasible => Status == SolutionStatus.Feasible;

    /// <summary>Minus the sum of hard violation amounts; 0 when feasible.</summary>
    public double HardScore { get; init; }

    /// <summary>Minus the sum of soft penalties.</summary>
    public double SoftScore { get; init; }

    /// <summary>The objective's value, in the problem's sense.</summary>
    public double Objective { get; init; } = double.NaN;

    /// <summary>The objective with soft penalties applied in the problem's sense.</summary>
    public double PenalizedObjective { get; init; } = double.NaN;

    /// <summary>A proven bound on the optimal objective, when the backend has one.</summary>
    public double? Bound { get; init; }

    /// <summary>|objective − bound| ÷ max(1e-9, |objective|), when a bound is known and the solution is feasible.</summary>
    public double? Gap { get; init; }

    public TimeSpan WallTime { get; init; }

    public TerminationReason? Termination { get; init; }

    public IReadOnlyList<Violation> Violations { get; init; } = [];

    public SolutionExplanation? Explanation { get; init; }

    /// <summary>Present when no feasible schedule was found: conflicts proven by analysis of the problem.</summary>
    public InfeasibilityDiagnosis? Diagnosis { get; init; }

    public double? QuboEnergy { get; init; }

    public IReadOnlyDictionary<string, string> BackendDetails { get; init; } = new Dictionary<string, string>();
}
