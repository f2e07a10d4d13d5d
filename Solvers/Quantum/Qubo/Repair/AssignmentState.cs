using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Repair;

/// <summary>
/// An assignment with its agents' loads, scored on the original model as a value to minimise (the objective,
/// negated when maximising, plus unassigned penalties). Repair and polish use it to price moves; the
/// feasibility checker still judges the result.
/// </summary>
internal sealed class AssignmentState
{
    private const double Epsilon = 1e-9;

    private readonly ProblemInstance _instance;
    private readonly double _costFactor;
    private readonly double _balanceWeight;
    private readonly bool _allowUnassigned;
    private readonly double[] _load;

    public AssignmentState(ProblemInstance instance, int[] agentOfTask)
    {
        _instance = instance;
        var problem = instance.Problem;
        var sign = problem.Objective.Sense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        _costFactor = sign * problem.Objective.Kind switch
        {
            ObjectiveKind.TotalCost => 1.0,
            ObjectiveKind.WeightedMix => problem.Objective.Weights.Cost,
            _ => 0.0,
        };
        _balanceWeight = sign * problem.Objective.Kind switch
        {
            ObjectiveKind.LoadBalance => 1.0,
            ObjectiveKind.WeightedMix => problem.Objective.Weights.LoadBalance,
            _ => 0.0,
        };
        _allowUnassigned = problem.Constraints.AllowUnassigned;
        AgentOfTask = (int[])agentOfTask.Clone();
        _load = new double[instance.AgentCount];
        for (var t = 0; t < AgentOfTask.Length; t++)
            if (AgentOfTask[t] >= 0) _load[AgentOfTask[t]] += instance.Load(t, AgentOfTask[t]);
    }

    public int[] AgentOfTask { get; }

    public ProblemInstance Instance => _instance;

    public bool AllowUnassigned => _allowUnassigned;

    public bool IsMovable(int task) => _instance.PinnedAgent[task] < 0;

    public double Load(int agent) => _load[agent];

    /// <summary>Load above capacity (0 when within).</summary>
    public double Overload(int agent) => Math.Max(0, _load[agent] - _instance.Capacity[agent]);

    public bool IsOverloaded(int agent) => _load[agent] > _instance.Capacity[agent] + Tolerance(agent);

    /// <summary>Whether task t fits on agent b after removing the given load (0 for a plain move).</summary>
    public bool Fits(int task, int agent, double leaving = 0) =>
        _load[agent] - leaving + _instance.Load(task, agent) <= _instance.Capacity[agent] + Tolerance(agent);

    /// <summary>Score change of putting task t on agent b (-1 = unassigned).</summary>
    public double MoveDelta(int task, int to)
    {
        var from = AgentOfTask[task];
        var delta = Contribution(task, to) - Contribution(task, from);
        if (_balanceWeight != 0)
            delta += _balanceWeight * (MaxRatioAfter(from, from >= 0 ? -_instance.Load(task, from) : 0, to, to >= 0 ? _instance.Load(task, to) : 0) - MaxRatioAfter(-1, 0, -1, 0));
        return delta;
    }

    /// <summary>Score change of exchanging the agents of two assigned tasks.</summary>
    public double SwapDelta(int first, int second)
    {
        var (a, b) = (AgentOfTask[first], AgentOfTask[second]);
        var delta = Contribution(first, b) + Contribution(second, a) - Contribution(first, a) - Contribution(second, b);
        if (_balanceWeight != 0)
        {
            var intoA = _instance.Load(second, a) - _instance.Load(first, a);
            var intoB = _instance.Load(first, b) - _instance.Load(second, b);
            delta += _balanceWeight * (MaxRatioAfter(a, intoA, b, intoB) - MaxRatioAfter(-1, 0, -1, 0));
        }
        return delta;
    }

    public void Move(int task, int to)
    {
        var from = AgentOfTask[task];
        if (from >= 0) _load[from] -= _instance.Load(task, from);
        if (to >= 0) _load[to] += _instance.Load(task, to);
        AgentOfTask[task] = to;
    }

    /// <summary>Cost-and-penalty part of one task's placement (the load-balance part is global).</summary>
    private double Contribution(int task, int agent)
    {
        if (agent >= 0) return _costFactor * _instance.Cost(task, agent);
        return _allowUnassigned ? _instance.Problem.Constraints.UnassignedPenalty * _instance.Problem.Tasks[task].Priority : 0;
    }

    private double MaxRatioAfter(int first, double firstChange, int second, double secondChange)
    {
        var max = 0.0;
        for (var a = 0; a < _load.Length; a++)
        {
            var load = _load[a] + (a == first ? firstChange : 0) + (a == second ? secondChange : 0);
            max = Math.Max(max, ObjectiveTerms.LoadRatio(load, _instance.Capacity[a]));
        }
        return max;
    }

    private double Tolerance(int agent) => double.IsFinite(_instance.Capacity[agent]) ? Epsilon * Math.Max(1, Math.Abs(_instance.Capacity[agent])) : 0;
}
