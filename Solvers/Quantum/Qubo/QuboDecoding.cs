namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// A bitstring read back as an assignment. A task with no x[t,·] set, or with several, has agent -1; the
/// latter are also listed in <see cref="MultiAssignedTasks"/> because an assignment cannot show them and the
/// feasibility checker would otherwise see only "unassigned".
/// </summary>
public sealed record QuboDecoding(int[] AgentOfTask, IReadOnlyList<int> MultiAssignedTasks);
