using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Where a one-hot read starts (shared by the annealer and the hybrid).</summary>
internal static class OneHotStart
{
    /// <summary>
    /// Read r's starting choice: the r-th initial state projected onto the one-hot subspace (its first set
    /// variable per task), else a uniformly random option per task.
    /// </summary>
    public static int[] Choice(QuboAssignmentStructure structure, QuboSampleRequest request, int read, ref Xoshiro256 random)
    {
        var initial = request.InitialStates is { } states && read < states.Count ? states[read] : null;
        var choice = new int[structure.TaskCount];
        for (var t = 0; t < choice.Length; t++)
        {
            var own = structure.TaskVariables(t);
            choice[t] = -1;
            if (initial is not null)
                foreach (var v in own)
                    if (initial[v] != 0) { choice[t] = v; break; }
            if (choice[t] >= 0 || own.Count == 0 || (initial is not null && !structure.ExactlyOne)) continue;
            var pick = random.NextInt(own.Count + (structure.ExactlyOne ? 0 : 1));
            choice[t] = pick < own.Count ? own[pick] : -1;
        }
        return choice;
    }
}
