using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>Translates <see cref="SchedulingProblem.InitialSolution"/> into the x columns CBC's MIP start sets to 1.</summary>
internal static class MipWarmStart
{
    /// <summary>
    /// The columns of the initial assignments that the model can express; assignments naming unknown ids,
    /// ineligible pairs or a task already started are skipped (CBC then completes or rejects the start itself).
    /// </summary>
    public static int[] Columns(ProblemInstance instance, MipModel model)
    {
        if (instance.Problem.InitialSolution is not { } initial)
            return [];
        var started = new bool[instance.TaskCount];
        var columns = new List<int>(initial.Count);
        foreach (var assignment in initial)
        {
            if (!instance.TaskIndex.TryGetValue(assignment.TaskId, out var task)
                || !instance.AgentIndex.TryGetValue(assignment.AgentId, out var agent)
                || started[task])
                continue;
            var column = model.ColumnOf(task, agent);
            if (column < 0)
                continue;
            started[task] = true;
            columns.Add(column);
        }
        return [.. columns];
    }

    /// <summary>The assignment the start describes (-1 for tasks it leaves open), used when CBC returns nothing.</summary>
    public static int[] Assignment(MipModel model, IReadOnlyList<int> startColumns)
    {
        var solution = new double[model.ColumnCount];
        foreach (var column in startColumns)
            solution[column] = 1;
        return model.Decode(solution);
    }
}
