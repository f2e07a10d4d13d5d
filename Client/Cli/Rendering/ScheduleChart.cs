namespace QuantumScheduler.Cli.Rendering;

/// <summary>What a schedule chart shows: one row per agent, one labelled bar per task on its agent's row.</summary>
/// <param name="Axis">What the x axis measures.</param>
/// <param name="Rows">The agents, in problem order (idle ones too).</param>
/// <param name="Bars">The tasks.</param>
/// <param name="Unassigned">Tasks no agent was given.</param>
internal sealed record ScheduleChart(ChartAxis Axis, IReadOnlyList<string> Rows, IReadOnlyList<ChartBar> Bars, IReadOnlyList<string> Unassigned)
{
    /// <summary>
    /// A Gantt chart (bars at their start and end times) when the schedule is timed, otherwise each agent's load: its
    /// tasks' loads stacked from zero, so the row's length is what the agent carries.
    /// </summary>
    public static ScheduleChart From(ScheduleView schedule)
    {
        var rows = schedule.AgentIds.Concat(schedule.Assignments.Select(static a => a.AgentId)).Distinct(StringComparer.Ordinal).ToList();
        if (schedule.IsTimed)
        {
            var bars = schedule.Assignments.Select(static a => new ChartBar(a.TaskId, a.AgentId, a.Start!.Value, a.End!.Value)).ToList();
            return new ScheduleChart(ChartAxis.Time, rows, bars, schedule.Unassigned);
        }

        var stacked = new List<ChartBar>();
        var carried = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var assignment in schedule.Assignments)
        {
            var from = carried.GetValueOrDefault(assignment.AgentId);
            var to = from + (assignment.Load ?? 1);
            carried[assignment.AgentId] = to;
            stacked.Add(new ChartBar(assignment.TaskId, assignment.AgentId, from, to));
        }
        return new ScheduleChart(schedule.Assignments.All(static a => a.Load is not null) ? ChartAxis.Load : ChartAxis.TaskCount, rows, stacked, schedule.Unassigned);
    }
}

/// <summary>One task: a bar from <paramref name="Start"/> to <paramref name="End"/> on <paramref name="Row"/>.</summary>
internal sealed record ChartBar(string Label, string Row, double Start, double End);

/// <summary>What the x axis of a <see cref="ScheduleChart"/> measures.</summary>
internal enum ChartAxis
{
    /// <summary>Time units of the problem: a Gantt chart.</summary>
    Time,

    /// <summary>Capacity used (the problem's load units), stacked per agent.</summary>
    Load,

    /// <summary>Number of tasks, stacked per agent (loads unknown).</summary>
    TaskCount,
}
