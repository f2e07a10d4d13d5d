using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Writes the assignment MIP of a problem that <see cref="MipSupport"/> accepted:
/// <list type="bullet">
/// <item>binary x[t, a] only for eligible pairs (skills eliminate variables; a pinned pair is fixed to 1, and a pin
/// to an agent without the skills leaves the task no variable, so the model is infeasible);</item>
/// <item>per task Σₐ x[t, a] + u[t] = 1, with u[t] ∈ [0, 1] priced at penalty × priority when tasks may stay
/// unassigned, and absent otherwise;</item>
/// <item>per agent with a capacity Σₜ load·x ≤ capacity (hard), or ≤ capacity + e[a] with e[a] priced at the soft
/// weight;</item>
/// <item>makespan z ≥ Σₜ duration·x per agent, and load balance w ≥ Σₜ (load / capacity)·x per agent (load alone for
/// an agent without capacity), each priced at its objective weight.</item>
/// </list>
/// Penalties always make the objective worse in the problem's sense.
/// </summary>
internal static class MipModelBuilder
{
    private const double Infinity = double.MaxValue;

    public static MipModel Build(ProblemInstance instance)
    {
        var problem = instance.Problem;
        var weights = ObjectiveTerms.EffectiveWeights(problem.Objective);
        var maximize = instance.Sense == ObjectiveSense.Maximize;
        var worse = maximize ? -1.0 : 1.0;
        var constraints = problem.Constraints;

        var rows = new RowLayout(instance, weights);
        var columns = new ColumnWriter();

        var firstColumnOfTask = new int[instance.TaskCount + 1];
        var agentOfColumn = new List<int>();
        for (var t = 0; t < instance.TaskCount; t++)
        {
            firstColumnOfTask[t] = columns.Count;
            var pinned = instance.PinnedAgent[t] >= 0;
            // A task pinned to an agent without its skills gets no column: the checker holds skills hard even for pins.
            foreach (var a in instance.EligibleAgents[t].Where(a => instance.IsEligible(t, a)))
            {
                var load = instance.Load(t, a);
                var duration = instance.Duration(t, a);
                columns.Begin(lower: pinned ? 1 : 0, upper: 1, objective: weights.Cost * instance.Cost(t, a), integer: true);
                columns.Entry(RowLayout.Task(t), 1);
                if (rows.Capacity(a) is { } capacityRow)
                    columns.Entry(capacityRow, load);
                if (rows.Makespan(a) is { } makespanRow)
                    columns.Entry(makespanRow, duration);
                if (rows.Balance(a) is { } balanceRow)
                    columns.Entry(balanceRow, BalanceShare(load, instance.Capacity[a]));
                agentOfColumn.Add(a);
            }
        }
        firstColumnOfTask[instance.TaskCount] = columns.Count;
        var assignmentColumns = columns.Count;

        if (constraints.AllowUnassigned)
        {
            for (var t = 0; t < instance.TaskCount; t++)
            {
                if (instance.PinnedAgent[t] >= 0)
                    continue;
                columns.Begin(0, 1, worse * constraints.UnassignedPenalty * problem.Tasks[t].Priority, integer: false);
                columns.Entry(RowLayout.Task(t), 1);
            }
        }
        if (!constraints.Capacity.IsHard)
        {
            for (var a = 0; a < instance.AgentCount; a++)
            {
                if (rows.Capacity(a) is not { } capacityRow)
                    continue;
                columns.Begin(0, Infinity, worse * constraints.Capacity.Weight, integer: false);
                columns.Entry(capacityRow, -1);
            }
        }
        if (weights.Makespan != 0)
            columns.AddMaximum(weights.Makespan, Enumerable.Range(0, instance.AgentCount).Select(rows.Makespan));
        if (weights.LoadBalance != 0)
            columns.AddMaximum(weights.LoadBalance, Enumerable.Range(0, instance.AgentCount).Select(rows.Balance));

        return new MipModel
        {
            RowCount = rows.Count,
            AssignmentColumnCount = assignmentColumns,
            FirstColumnOfTask = firstColumnOfTask,
            AgentOfColumn = [.. agentOfColumn],
            ColumnLower = [.. columns.Lower],
            ColumnUpper = [.. columns.Upper],
            Objective = [.. columns.Objective],
            IsInteger = [.. columns.Integer],
            ColumnStart = [.. columns.Start, columns.RowIndex.Count],
            RowIndex = [.. columns.RowIndex],
            Value = [.. columns.Value],
            RowLower = rows.Lower,
            RowUpper = rows.Upper,
            Maximize = maximize,
        };
    }

    private static double BalanceShare(double load, double capacity) =>
        double.IsFinite(capacity) && capacity > 0 ? load / capacity : load;

    /// <summary>Row numbering: task rows, then per agent its capacity, makespan and balance rows where they exist.</summary>
    private sealed class RowLayout
    {
        private readonly int?[] _capacity;
        private readonly int?[] _makespan;
        private readonly int?[] _balance;
        private readonly List<double> _lower = [];
        private readonly List<double> _upper = [];

        public RowLayout(ProblemInstance instance, ObjectiveWeights weights)
        {
            for (var t = 0; t < instance.TaskCount; t++)
                Add(1, 1);
            _capacity = new int?[instance.AgentCount];
            _makespan = new int?[instance.AgentCount];
            _balance = new int?[instance.AgentCount];
            for (var a = 0; a < instance.AgentCount; a++)
            {
                if (double.IsFinite(instance.Capacity[a]))
                    _capacity[a] = Add(-Infinity, instance.Capacity[a]);
                if (weights.Makespan != 0)
                    _makespan[a] = Add(-Infinity, 0);
                if (weights.LoadBalance != 0)
                    _balance[a] = Add(-Infinity, 0);
            }
        }

        public int Count => _lower.Count;
        public double[] Lower => [.. _lower];
        public double[] Upper => [.. _upper];

        public static int Task(int task) => task;
        public int? Capacity(int agent) => _capacity[agent];
        public int? Makespan(int agent) => _makespan[agent];
        public int? Balance(int agent) => _balance[agent];

        private int Add(double lower, double upper)
        {
            _lower.Add(lower);
            _upper.Add(upper);
            return _lower.Count - 1;
        }
    }

    /// <summary>Accumulates columns one at a time in compressed sparse column form.</summary>
    private sealed class ColumnWriter
    {
        public List<int> Start { get; } = [];
        public List<int> RowIndex { get; } = [];
        public List<double> Value { get; } = [];
        public List<double> Lower { get; } = [];
        public List<double> Upper { get; } = [];
        public List<double> Objective { get; } = [];
        public List<bool> Integer { get; } = [];

        public int Count => Start.Count;

        public void Begin(double lower, double upper, double objective, bool integer)
        {
            Start.Add(RowIndex.Count);
            Lower.Add(lower);
            Upper.Add(upper);
            Objective.Add(objective);
            Integer.Add(integer);
        }

        public void Entry(int row, double value)
        {
            RowIndex.Add(row);
            Value.Add(value);
        }

        /// <summary>A continuous z ≥ 0 priced at <paramref name="weight"/> that every given row (Σ … − z ≤ 0) bounds from below.</summary>
        public void AddMaximum(double weight, IEnumerable<int?> rows)
        {
            Begin(0, Infinity, weight, integer: false);
            foreach (var row in rows)
                Entry(row!.Value, -1);
        }
    }
}
