using System.Diagnostics.CodeAnalysis;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>A problem read from JSON, or every problem that prevented reading it. Never both: nothing half-read.</summary>
public sealed record ProblemReadResult(SchedulingProblem? Problem, IReadOnlyList<ValidationError> Errors)
{
    [MemberNotNullWhen(true, nameof(Problem))]
    public bool Succeeded => Problem is not null;
}
