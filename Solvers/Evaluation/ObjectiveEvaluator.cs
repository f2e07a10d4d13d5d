using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// Evaluates an assignment quickly, with exactly the objective and penalty semantics of the feasibility
/// checker, so backends never re-implement them. Pure assignment problems (no dependencies, deadlines,
/// availability windows, or time-based objective) are evaluated in one pass over the tasks without
/// building a schedule; otherwise the schedule is built with <see cref="ScheduleBuilder"/>.
/// </summary>
/// <remarks>
/// When no schedule is needed, <see cref="ObjectiveTerms.Makespan"/> and
/// <see cref="ObjectiveTerms.WeightedTardiness"/> are NaN (not computed). Not thread-safe: it reuses a
/// buffer; create one per thread.
/// </remarks>
public sealed class ObjectiveEvaluator
{
    private readonly ProblemInstance _instance;
    private readonly SchedulingProblem _problem;
    private readonly ScheduleBuilder? _builder;
    private readonly double[] _load;

    public ObjectiveEvaluator(ProblemInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
        _problem = instance.Problem;
        _load = new double[instance.AgentCount];
        var needsTimes = ObjectiveTerms.NeedsTimes(_problem.Objective)
                         || _problem.Tasks.Any(t => t.Dependencies.Count > 0 || t.Deadline is not null)
                         || _problem.Agents.Any(a => a.Availability is not null);
        _builder = needsTimes ? new ScheduleBuilder(instance) : null;
    }

    /// <summary>Whether evaluations build a schedule (and so compute makespan and tardiness).</summary>
    public bool EvaluatesTimes => _builder is not null;

    /// <summary>Evaluates the agent of each task (-1 = unassigned).</summary>
    public AssignmentScore Evaluate(ReadOnlySpan<int> agentOfTask)
    {
        if (agentOfTask.Length != _instance.TaskCount)
            throw new ArgumentException($"The assignment has {agentOfTask.Length} entries; the problem has {_instance.TaskCount} tasks.", nameof(agentOfTask));

        var settings = _problem.Constraints;
        var hard = 0.0;
        var soft = 0.0;
        var cost = 0.0;
        Array.Clear(_load);

        for (var t = 0; t < agentOfTask.Length; t++)
        {
            var a = agentOfTask[t];
            if (a < -1 || a >= _instance.AgentCount)
            {
                hard++;
                continue;
            }
            var pinned = _instance.PinnedAgent[t];
            if (pinned >= 0 && a != pinned)
                hard++;
            if (a < 0)
            {
                if (settings.AllowUnassigned)
                    soft += settings.UnassignedPenalty * _problem.Tasks[t].Priority;
                else
                    hard++;
                continue;
            }
            if (!_instance.IsEligible(t, a))
                hard++;
            _load[a] += _instance.Load(t, a);
            cost += _instance.Cost(t, a);
        }

        var loadBalance = 0.0;
        var capacityLevel = settings.Capacity;
        for (var a = 0; a < _load.Length; a++)
        {
            var capacity = _instance.Capacity[a];
            loadBalance = Math.Max(loadBalance, ObjectiveTerms.LoadRatio(_load[a], capacity));
            if (!NumericTolerance.Exceeds(_load[a], capacity))
                continue;
            if (capacityLevel.IsHard)
                hard += _load[a] - capacity;
            else
                soft += capacityLevel.Weight * (_load[a] - capacity);
        }

        var makespan = double.NaN;
        var tardiness = double.NaN;
        if (_builder is not null)
            (makespan, tardiness) = EvaluateTimes(_builder.Build(agentOfTask), ref hard, ref soft);

        var terms = new ObjectiveTerms(cost, makespan, tardiness, loadBalance);
        var objective = terms.ValueOf(_problem.Objective);
        return new AssignmentScore(terms, objective, soft, ObjectiveTerms.Penalize(objective, soft, _problem.Objective.Sense), hard);
    }

    private (double Makespan, double Tardiness) EvaluateTimes(Schedule schedule, ref double hard, ref double soft)
    {
        var deadlineLevel = _problem.Constraints.Deadlines;
        var makespan = 0.0;
        var tardiness = 0.0;
        for (var t = 0; t < schedule.TaskCount; t++)
        {
            var a = schedule.AgentOfTask[t];
            if (a < 0 || a >= _instance.AgentCount)
                continue;
            foreach (var p in _instance.Predecessors[t])
            {
                var predecessor = schedule.AgentOfTask[p];
                if (predecessor < 0 || predecessor >= _instance.AgentCount)
                    hard++;
            }
            if (!schedule.IsPlaced(t))
            {
                hard++;
                continue;
            }

            var end = schedule.End[t];
            makespan = Math.Max(makespan, end);
            var task = _problem.Tasks[t];
            if (task.Deadline is not { } deadline || end <= deadline)
                continue;
            var lateness = end - deadline;
            tardiness += task.Priority * lateness;
            if (!NumericTolerance.Exceeds(end, deadline))
                continue;
            if (deadlineLevel.IsHard)
                hard += lateness;
            else
                soft += deadlineLevel.Weight * task.Priority * lateness;
        }
        return (makespan, tardiness);
    }
}
