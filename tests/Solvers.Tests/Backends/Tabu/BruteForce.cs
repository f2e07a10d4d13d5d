using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Tabu;

/// <summary>The best feasible penalised objective of a tiny problem, by enumerating every assignment.</summary>
internal static class BruteForce
{
    /// <summary>Number of assignments the enumeration would visit.</summary>
    public static long SpaceSize(ProblemInstance instance) =>
        Enumerable.Range(0, instance.TaskCount).Aggregate(1L, (size, t) => size * Choices(instance, t).Length);

    /// <summary>The optimum in the problem's sense, or null when no assignment is feasible.</summary>
    public static double? Optimum(ProblemInstance instance)
    {
        var evaluator = new ObjectiveEvaluator(instance);
        var choices = Enumerable.Range(0, instance.TaskCount).Select(t => Choices(instance, t)).ToArray();
        var position = new int[instance.TaskCount];
        var agentOf = new int[instance.TaskCount];
        var maximise = instance.Sense == ObjectiveSense.Maximize;
        double? best = null;
        while (true)
        {
            for (var t = 0; t < agentOf.Length; t++) agentOf[t] = choices[t][position[t]];
            var evaluation = evaluator.Evaluate(agentOf);
            if (evaluation.IsFeasible && (best is null || (maximise ? evaluation.PenalizedObjective > best : evaluation.PenalizedObjective < best)))
                best = evaluation.PenalizedObjective;
            var k = 0;
            while (k < position.Length && ++position[k] == choices[k].Length) position[k++] = 0;
            if (k == position.Length) return best;
        }
    }

    private static int[] Choices(ProblemInstance instance, int task)
    {
        var agents = instance.EligibleAgents[task];
        return instance.Problem.Constraints.AllowUnassigned && instance.PinnedAgent[task] < 0 ? [.. agents, -1] : agents;
    }
}
