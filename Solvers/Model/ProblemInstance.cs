namespace QuantumScheduler.Solvers.Model;

/// <summary>
/// A validated problem compiled to dense, index-based arrays for the backends: tasks 0..T-1, agents
/// 0..A-1, per-pair values at [task * AgentCount + agent]. Ineligible pairs (missing skills) have
/// <see cref="IsEligible"/> false and must never be chosen.
/// </summary>
public sealed class ProblemInstance
{
    private readonly double[] _cost;
    private readonly double[] _load;
    private readonly double[] _duration;
    private readonly bool[] _eligible;

    private ProblemInstance(SchedulingProblem problem)
    {
        Problem = problem;
        TaskCount = problem.Tasks.Count;
        AgentCount = problem.Agents.Count;
        var pairs = TaskCount * AgentCount;
        _cost = new double[pairs];
        _load = new double[pairs];
        _duration = new double[pairs];
        _eligible = new bool[pairs];
        Capacity = new double[AgentCount];
        PinnedAgent = new int[TaskCount];
        Predecessors = new int[TaskCount][];
        EligibleAgents = new int[TaskCount][];
        TaskIndex = new Dictionary<string, int>(TaskCount, StringComparer.Ordinal);
        AgentIndex = new Dictionary<string, int>(AgentCount, StringComparer.Ordinal);
    }

    public SchedulingProblem Problem { get; }
    public int TaskCount { get; }
    public int AgentCount { get; }

    /// <summary>Each agent's capacity; <see cref="double.PositiveInfinity"/> when unlimited.</summary>
    public double[] Capacity { get; }

    /// <summary>The pinned agent of each task, or -1.</summary>
    public int[] PinnedAgent { get; }

    /// <summary>Indexes of the tasks each task depends on.</summary>
    public int[][] Predecessors { get; }

    /// <summary>The agents each task may go to, ascending (a pinned task: only its pinned agent).</summary>
    public int[][] EligibleAgents { get; }

    public Dictionary<string, int> TaskIndex { get; }
    public Dictionary<string, int> AgentIndex { get; }

    public ObjectiveSense Sense => Problem.Objective.Sense;

    public double Cost(int task, int agent) => _cost[task * AgentCount + agent];
    public double Load(int task, int agent) => _load[task * AgentCount + agent];
    public double Duration(int task, int agent) => _duration[task * AgentCount + agent];
    public bool IsEligible(int task, int agent) => _eligible[task * AgentCount + agent];

    /// <summary>Compiles a problem that <c>ProblemValidator</c> accepted. Ids must be unique and references resolvable.</summary>
    public static ProblemInstance Compile(SchedulingProblem problem)
    {
        var instance = new ProblemInstance(problem);
        for (var a = 0; a < instance.AgentCount; a++)
        {
            var agent = problem.Agents[a];
            instance.AgentIndex.Add(agent.Id, a);
            instance.Capacity[a] = agent.Capacity ?? double.PositiveInfinity;
        }
        for (var t = 0; t < instance.TaskCount; t++)
            instance.TaskIndex.Add(problem.Tasks[t].Id, t);

        for (var t = 0; t < instance.TaskCount; t++)
        {
            var task = problem.Tasks[t];
            for (var a = 0; a < instance.AgentCount; a++)
            {
                var agent = problem.Agents[a];
                var i = t * instance.AgentCount + a;
                instance._duration[i] = task.Duration;
                instance._load[i] = task.Load ?? task.Duration;
                instance._cost[i] = task.Duration * agent.CostRate;
                instance._eligible[i] = task.RequiredSkills.All(agent.Skills.Contains);
            }
            instance.Predecessors[t] = task.Dependencies.Select(d => instance.TaskIndex[d]).ToArray();
            instance.PinnedAgent[t] = -1;
        }

        foreach (var o in problem.Overrides)
        {
            var i = instance.TaskIndex[o.TaskId] * instance.AgentCount + instance.AgentIndex[o.AgentId];
            if (o.Duration is { } duration)
            {
                instance._duration[i] = duration;
                if (problem.Tasks[instance.TaskIndex[o.TaskId]].Load is null && o.Load is null)
                    instance._load[i] = duration;
                if (o.Cost is null)
                    instance._cost[i] = duration * problem.Agents[instance.AgentIndex[o.AgentId]].CostRate;
            }
            if (o.Load is { } load) instance._load[i] = load;
            if (o.Cost is { } cost) instance._cost[i] = cost;
        }

        foreach (var pin in problem.Pinned)
            instance.PinnedAgent[instance.TaskIndex[pin.TaskId]] = instance.AgentIndex[pin.AgentId];

        for (var t = 0; t < instance.TaskCount; t++)
        {
            var pinned = instance.PinnedAgent[t];
            instance.EligibleAgents[t] = pinned >= 0
                ? [pinned]
                : Enumerable.Range(0, instance.AgentCount).Where(a => instance._eligible[t * instance.AgentCount + a]).ToArray();
        }
        return instance;
    }
}
