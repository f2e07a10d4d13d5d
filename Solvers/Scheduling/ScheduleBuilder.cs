using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>
/// Turns an assignment (the agent of each task) into a schedule with times. A deterministic list
/// scheduler: tasks are taken in <see cref="TaskOrder"/> and each is started as early as possible on its
/// agent — after its release time and after every task it depends on has ended, wholly inside one of the
/// agent's availability windows, never overlapping the agent's other tasks. Deadlines are not enforced
/// here: a late task is placed late, and the checker reports it.
/// </summary>
/// <remarks>Create one builder per problem and reuse it: the placement order is computed once. <see cref="Build"/> keeps no state between calls, so threads may share a builder.</remarks>
public sealed class ScheduleBuilder
{
    private readonly ProblemInstance _instance;
    private readonly int[] _order;

    public ScheduleBuilder(ProblemInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
        _order = TaskOrder.Compute(instance);
    }

    /// <summary>Builds the schedule of one assignment (-1 = unassigned). The array is copied.</summary>
    public Schedule Build(ReadOnlySpan<int> agentOfTask)
    {
        if (agentOfTask.Length != _instance.TaskCount)
            throw new ArgumentException($"The assignment has {agentOfTask.Length} entries; the problem has {_instance.TaskCount} tasks.", nameof(agentOfTask));

        var agents = agentOfTask.ToArray();
        var start = new double[agents.Length];
        var end = new double[agents.Length];
        Array.Fill(start, double.NaN);
        Array.Fill(end, double.NaN);
        var unplaced = new List<UnplacedTask>();
        var timelines = new AgentTimeline?[_instance.AgentCount];
        var problem = _instance.Problem;

        foreach (var task in _order)
        {
            var agent = agents[task];
            if (agent < 0 || agent >= _instance.AgentCount)
                continue;

            var earliest = problem.Tasks[task].ReleaseTime;
            UnplacedTask? blocked = null;
            foreach (var p in _instance.Predecessors[task])
            {
                if (agents[p] < 0)
                {
                    blocked = new UnplacedTask(task, agent, UnplacedReason.PredecessorUnassigned, $"depends on unassigned task {problem.Tasks[p].Id}");
                    break;
                }
                if (double.IsNaN(end[p]))
                {
                    blocked = new UnplacedTask(task, agent, UnplacedReason.PredecessorUnplaced, $"depends on task {problem.Tasks[p].Id}, which could not be placed");
                    break;
                }
                earliest = Math.Max(earliest, end[p]);
            }
            if (blocked is not null)
            {
                unplaced.Add(blocked);
                continue;
            }

            var timeline = timelines[agent] ??= new AgentTimeline(problem.Agents[agent].Availability);
            var duration = _instance.Duration(task, agent);
            if (timeline.FindStart(earliest, duration) is not { } begin)
            {
                unplaced.Add(new UnplacedTask(task, agent, UnplacedReason.NoAvailabilityWindow,
                    $"no free availability window of agent {problem.Agents[agent].Id} holds its duration {duration} after time {earliest}"));
                continue;
            }
            timeline.Reserve(begin, begin + duration);
            start[task] = begin;
            end[task] = begin + duration;
        }

        // Tasks on a dependency cycle never enter the order; they cannot be placed either.
        if (_order.Length < agents.Length)
        {
            var ordered = new HashSet<int>(_order);
            for (var t = 0; t < agents.Length; t++)
                if (!ordered.Contains(t) && agents[t] >= 0)
                    unplaced.Add(new UnplacedTask(t, agents[t], UnplacedReason.PredecessorUnplaced, "its dependencies form a cycle"));
        }
        return new Schedule(agents, start, end, unplaced);
    }
}
