namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>
/// An assignment with times: the agent of each task (-1 = unassigned) and its start and end. A task that
/// is assigned but could not be given a time has NaN start and end and is listed in <see cref="Unplaced"/>.
/// </summary>
public sealed class Schedule
{
    public Schedule(int[] agentOfTask, double[] start, double[] end, IReadOnlyList<UnplacedTask> unplaced)
    {
        ArgumentNullException.ThrowIfNull(agentOfTask);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        if (start.Length != agentOfTask.Length || end.Length != agentOfTask.Length)
            throw new ArgumentException($"start ({start.Length}) and end ({end.Length}) must have one entry per task ({agentOfTask.Length}).", nameof(start));
        AgentOfTask = agentOfTask;
        Start = start;
        End = end;
        Unplaced = unplaced;
    }

    /// <summary>The agent index of each task, or -1 when the task is unassigned.</summary>
    public int[] AgentOfTask { get; }

    /// <summary>Start time of each task; NaN when unassigned or not placed.</summary>
    public double[] Start { get; }

    /// <summary>End time of each task; NaN when unassigned or not placed.</summary>
    public double[] End { get; }

    /// <summary>Assigned tasks that could not be given a time, each with the reason.</summary>
    public IReadOnlyList<UnplacedTask> Unplaced { get; }

    public int TaskCount => AgentOfTask.Length;

    public bool IsAssigned(int task) => AgentOfTask[task] >= 0;

    public bool IsPlaced(int task) => !double.IsNaN(Start[task]);
}
