namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>What a binary variable of a scheduling QUBO stands for.</summary>
public enum QuboVariableKind
{
    /// <summary>x[t,a] = 1 when task t goes to agent a.</summary>
    Assignment,

    /// <summary>s[a,k]: bit k of agent a's capacity slack, worth <see cref="QuboVariable.SlackWeight"/> load units.</summary>
    Slack,
}

/// <summary>One binary variable and its meaning in the original problem (indexes into the compiled instance).</summary>
public readonly record struct QuboVariable(QuboVariableKind Kind, int Task, int Agent, int SlackBit, double SlackWeight)
{
    public static QuboVariable Assignment(int task, int agent) => new(QuboVariableKind.Assignment, task, agent, -1, 0);

    public static QuboVariable Slack(int agent, int bit, double weight) => new(QuboVariableKind.Slack, -1, agent, bit, weight);

    /// <summary>The exported name: <c>x[t3,a1]</c> or <c>s[a1,2]</c>.</summary>
    public string Name => Kind == QuboVariableKind.Assignment ? $"x[t{Task},a{Agent}]" : $"s[a{Agent},{SlackBit}]";

    public override string ToString() => Name;
}
