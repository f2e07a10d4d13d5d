namespace QuantumScheduler.Solvers.Checking;

/// <summary>
/// One broken rule: which constraint, by how much (<see cref="Amount"/>, in the constraint's own unit:
/// load, time, or 1 per occurrence), what it costs when soft (<see cref="Penalty"/>), and the tasks and
/// agents involved.
/// </summary>
public sealed record Violation(
    ConstraintKind Constraint,
    bool IsHard,
    double Amount,
    double Penalty,
    IReadOnlyList<string> TaskIds,
    IReadOnlyList<string> AgentIds,
    string Message)
{
    public override string ToString() => $"{(IsHard ? "hard" : "soft")} {Constraint}: {Message}";
}
