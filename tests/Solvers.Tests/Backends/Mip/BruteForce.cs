using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

/// <summary>The best penalized objective over every assignment of a tiny problem (each task: any agent or none).</summary>
internal static class BruteForce
{
    /// <summary>The optimum, or null when no assignment is feasible.</summary>
    public static double? Optimum(ProblemInstance instance)
    {
        var evaluator = new ObjectiveEvaluator(instance);
        var maximize = instance.Sense == ObjectiveSense.Maximize;
        var agentOfTask = new int[instance.TaskCount];
        Array.Fill(agentOfTask, -1);
        double? best = null;
        while (true)
        {
            var evaluation = evaluator.Evaluate(agentOfTask);
            if (evaluation.IsFeasible && (best is null || (maximize ? evaluation.PenalizedObjective > best : evaluation.PenalizedObjective < best)))
                best = evaluation.PenalizedObjective;
            if (!Advance(agentOfTask, instance.AgentCount))
                return best;
        }
    }

    // Odometer over {-1, 0, ..., agents-1} per task.
    private static bool Advance(int[] agentOfTask, int agents)
    {
        for (var t = 0; t < agentOfTask.Length; t++)
        {
            if (++agentOfTask[t] < agents)
                return true;
            agentOfTask[t] = -1;
        }
        return false;
    }
}
