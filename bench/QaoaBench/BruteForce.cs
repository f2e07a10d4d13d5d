using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.QaoaBench;

/// <summary>The optimum of a small minimisation problem by enumerating every eligible agent of every task.</summary>
internal static class BruteForce
{
    /// <summary>The lowest checked objective of a feasible assignment, or null when none is feasible.</summary>
    public static double? Optimum(ProblemInstance instance)
    {
        double? best = null;
        var choice = new int[instance.TaskCount];
        var assignment = new int[instance.TaskCount];
        while (true)
        {
            for (var t = 0; t < assignment.Length; t++) assignment[t] = instance.EligibleAgents[t][choice[t]];
            var check = FeasibilityChecker.Check(instance, assignment);
            if (check.IsFeasible && (best is null || check.PenalizedObjective < best)) best = check.PenalizedObjective;
            var k = 0;
            while (k < choice.Length && ++choice[k] == instance.EligibleAgents[k].Length) choice[k++] = 0;
            if (k == choice.Length) return best;
        }
    }
}
