using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// A scheduling problem written as a QUBO, with the map from every variable back to the problem: decode a
/// bitstring to an assignment, encode an assignment (with the slack it implies) to a bitstring. Built by
/// <see cref="QuboFormulator"/>; samples of <see cref="Model"/> are only candidates until the feasibility
/// checker has judged the decoded assignment.
/// </summary>
public sealed class SchedulingQubo
{
    private readonly int[][] _taskVariables;
    private readonly CapacityEncoding?[] _capacity;
    private readonly Lazy<QuboModel> _model;

    internal SchedulingQubo(
        ProblemInstance instance, Lazy<QuboModel> model, QuboAssignmentStructure structure, QuboVariable[] variables, int[][] taskVariables,
        CapacityEncoding?[] capacity, QuboPenalties penalties, QuboFormulationReport report, string? infeasibility)
    {
        Instance = instance;
        _model = model;
        Structure = structure;
        Variables = variables;
        _taskVariables = taskVariables;
        _capacity = capacity;
        Penalties = penalties;
        Report = report;
        InfeasibilityReason = infeasibility;
    }

    public ProblemInstance Instance { get; }

    /// <summary>
    /// The QUBO itself. Built on first use: its capacity terms couple every pair of an agent's variables (millions of
    /// terms on large problems), while the one-hot samplers work from <see cref="Structure"/> and never need it.
    /// Export, QAOA, single-flip samplers and devices read it.
    /// </summary>
    public QuboModel Model => _model.Value;

    /// <summary>Whether <see cref="Model"/> has been built.</summary>
    public bool IsModelBuilt => _model.IsValueCreated;

    /// <summary>Number of variables (assignment variables, then slack bits) — without building <see cref="Model"/>.</summary>
    public int VariableCount => Variables.Count;

    /// <summary>
    /// The model's energy of a bitstring: <see cref="QuboModel.Energy"/> when the model is built, else the same value
    /// from the structure (the residual plus every capacity penalty at the bitstring's own slack bits).
    /// </summary>
    public double Energy(ReadOnlySpan<byte> bits) => IsModelBuilt ? Model.Energy(bits) : Structure.Energy(bits);

    /// <summary>The one-hot groups and capacity penalties of <see cref="Model"/>, for samplers that move between assignments.</summary>
    public QuboAssignmentStructure Structure { get; }

    /// <summary>The meaning of each variable index of <see cref="Model"/>.</summary>
    public IReadOnlyList<QuboVariable> Variables { get; }

    public QuboPenalties Penalties { get; }

    public QuboFormulationReport Report { get; }

    /// <summary>
    /// Set when formulating already proved the problem infeasible (a task with no possible agent, pinned loads
    /// above a capacity); the QUBO is still well formed but no sample can be feasible.
    /// </summary>
    public string? InfeasibilityReason { get; }

    /// <summary>Variable indexes of task t's x[t,·] (empty for pinned tasks).</summary>
    public IReadOnlyList<int> TaskVariables(int task) => _taskVariables[task];

    /// <summary>How agent a's capacity is encoded, or null when it has no term (unlimited or redundant).</summary>
    public CapacityEncoding? Capacity(int agent) => _capacity[agent];

    /// <summary>Reads a bitstring as an assignment (pinned tasks on their agents).</summary>
    public QuboDecoding Decode(ReadOnlySpan<byte> bits)
    {
        if (bits.Length != VariableCount)
            throw new ArgumentException($"The sample has {bits.Length} bits; the QUBO has {VariableCount} variables.", nameof(bits));
        var agentOfTask = new int[Instance.TaskCount];
        var multi = new List<int>();
        for (var t = 0; t < agentOfTask.Length; t++)
        {
            if (Instance.PinnedAgent[t] >= 0)
            {
                agentOfTask[t] = Instance.PinnedAgent[t];
                continue;
            }
            var agent = -1;
            var ones = 0;
            foreach (var v in _taskVariables[t])
            {
                if (bits[v] == 0) continue;
                ones++;
                agent = Variables[v].Agent;
            }
            agentOfTask[t] = ones == 1 ? agent : -1;
            if (ones > 1) multi.Add(t);
        }
        return new QuboDecoding(agentOfTask, multi);
    }

    /// <summary>
    /// The bitstring of an assignment, with every slack set to the capacity the assignment leaves (clamped to
    /// its range): the lowest-energy bitstring that decodes to this assignment.
    /// </summary>
    /// <exception cref="ArgumentException">The assignment has the wrong length or uses a pair that has no variable.</exception>
    public byte[] Encode(IReadOnlyList<int> agentOfTask) =>
        TryEncode(agentOfTask) ?? throw new ArgumentException("The assignment uses a task-agent pair that has no variable (ineligible, over capacity, or against a pin).", nameof(agentOfTask));

    /// <summary>As <see cref="Encode"/>, or null when some assigned pair has no variable.</summary>
    /// <exception cref="ArgumentException">The assignment has the wrong length.</exception>
    public byte[]? TryEncode(IReadOnlyList<int> agentOfTask)
    {
        ArgumentNullException.ThrowIfNull(agentOfTask);
        if (agentOfTask.Count != Instance.TaskCount)
            throw new ArgumentException($"The assignment has {agentOfTask.Count} tasks; the problem has {Instance.TaskCount}.", nameof(agentOfTask));
        var bits = new byte[VariableCount];
        var load = new double[Instance.AgentCount];
        for (var t = 0; t < agentOfTask.Count; t++)
        {
            var a = agentOfTask[t];
            if (Instance.PinnedAgent[t] >= 0)
            {
                if (a != Instance.PinnedAgent[t]) return null;
                continue;
            }
            if (a < 0) continue;
            var v = _taskVariables[t].FirstOrDefault(i => Variables[i].Agent == a, -1);
            if (v < 0) return null;
            bits[v] = 1;
            load[a] += Instance.Load(t, a);
        }
        foreach (var encoding in _capacity)
            encoding?.EncodeSlack(load[encoding.Agent], bits);
        return bits;
    }
}
