using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Solving;

/// <summary>The problem's initial solution as an assignment array, for backends that take a warm start.</summary>
public static class WarmStart
{
    /// <summary>
    /// The agent of each task from <see cref="SchedulingProblem.InitialSolution"/> (-1 where it names no
    /// agent), with pinned tasks on their pinned agents; null when the problem has no initial solution.
    /// </summary>
    public static int[]? AgentOfTask(ProblemInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Problem.InitialSolution is not { } initial)
            return null;
        var agents = new int[instance.TaskCount];
        Array.Fill(agents, -1);
        foreach (var assignment in initial)
            if (instance.TaskIndex.TryGetValue(assignment.TaskId, out var t) && instance.AgentIndex.TryGetValue(assignment.AgentId, out var a))
                agents[t] = a;
        for (var t = 0; t < instance.TaskCount; t++)
            if (instance.PinnedAgent[t] >= 0)
                agents[t] = instance.PinnedAgent[t];
        return agents;
    }
}
