namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// The penalty weight of every constraint of a scheduling QUBO: one per task (its one-hot or at-most-one
/// term) and one per agent (its capacity term). Weights are per constraint so that the adaptive loop can
/// raise only those that were violated.
/// </summary>
public sealed class QuboPenalties
{
    private readonly double[] _task;
    private readonly double[] _agent;

    public QuboPenalties(int taskCount, int agentCount, double initial)
    {
        if (!(initial > 0) || !double.IsFinite(initial))
            throw new ArgumentOutOfRangeException(nameof(initial), initial, "A penalty weight must be positive and finite.");
        _task = Enumerable.Repeat(initial, taskCount).ToArray();
        _agent = Enumerable.Repeat(initial, agentCount).ToArray();
    }

    private QuboPenalties(double[] task, double[] agent)
    {
        _task = task;
        _agent = agent;
    }

    /// <summary>Weight of task t's assignment constraint.</summary>
    public double Task(int t) => _task[t];

    /// <summary>Weight of agent a's capacity constraint.</summary>
    public double Agent(int a) => _agent[a];

    public IReadOnlyList<double> TaskWeights => _task;
    public IReadOnlyList<double> AgentWeights => _agent;

    /// <summary>A copy with the listed constraints' weights multiplied by <paramref name="factor"/>; the others unchanged.</summary>
    public QuboPenalties Raise(IEnumerable<int> tasks, IEnumerable<int> agents, double factor)
    {
        if (!(factor > 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "The raise factor must be greater than 1.");
        var task = (double[])_task.Clone();
        var agent = (double[])_agent.Clone();
        foreach (var t in tasks) task[t] *= factor;
        foreach (var a in agents) agent[a] *= factor;
        return new QuboPenalties(task, agent);
    }
}
