namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Where a walk may be taken over (by <see cref="OneHotReplicaExchange"/>'s ladder), and whether it is.</summary>
/// <param name="Place">The place in the schedule (0 = hot end, 1 = cold end) from which the hand-over is considered.</param>
/// <param name="Accepts">Given the sweeps done and the seconds used, whether the walk is taken over there.</param>
internal sealed record HandOver(double Place, Func<double, double, bool> Accepts);
