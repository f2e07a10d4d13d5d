using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The assignment core of a problem in the form the search works on: every objective is minimised (a
/// maximisation's costs are negated), "unassigned" is one more slot after the agents when the problem allows it,
/// and an ineligible pair has an infinite cost so that no move can ever pick it. Slots are indexed 0..SlotCount-1.
/// </summary>
internal sealed class AssignmentModel
{
    private AssignmentModel(ProblemInstance instance)
    {
        Instance = instance;
        TaskCount = instance.TaskCount;
        AgentCount = instance.AgentCount;
        var constraints = instance.Problem.Constraints;
        UnassignedSlot = constraints.AllowUnassigned ? AgentCount : -1;
        SlotCount = AgentCount + (constraints.AllowUnassigned ? 1 : 0);
        HardCapacity = constraints.Capacity.IsHard;
        SoftCapacityWeight = HardCapacity ? 0 : constraints.Capacity.Weight;
        Cost = new double[TaskCount * SlotCount];
        Load = new double[TaskCount * SlotCount];
        Capacity = new double[SlotCount];
        EligibleSlots = new int[TaskCount][];
        Movable = new bool[TaskCount];
    }

    public ProblemInstance Instance { get; }
    public int TaskCount { get; }
    public int AgentCount { get; }

    /// <summary>Agents plus the unassigned slot when unassigned tasks are allowed.</summary>
    public int SlotCount { get; }

    /// <summary>The slot meaning "not assigned", or -1 when every task must be assigned.</summary>
    public int UnassignedSlot { get; }

    /// <summary>Minimisation-form cost per [task * SlotCount + slot]; +∞ where the task may not go.</summary>
    public double[] Cost { get; }

    /// <summary>Capacity use per [task * SlotCount + slot]; 0 on the unassigned slot and on ineligible pairs.</summary>
    public double[] Load { get; }

    /// <summary>Capacity per slot; +∞ when unlimited (and for the unassigned slot).</summary>
    public double[] Capacity { get; }

    /// <summary>Whether exceeding a capacity makes a solution infeasible (else it costs <see cref="SoftCapacityWeight"/> per unit).</summary>
    public bool HardCapacity { get; }

    public double SoftCapacityWeight { get; }

    /// <summary>The slots each task may take, ascending (a pinned task: its pinned agent only).</summary>
    public int[][] EligibleSlots { get; }

    /// <summary>Whether a task has a choice at all (not pinned, more than one eligible slot).</summary>
    public bool[] Movable { get; }

    /// <summary>Tasks that have a choice.</summary>
    public int[] MovableTasks { get; private set; } = [];

    /// <summary>Σ over tasks of the cheapest slot: no solution can cost less, so reaching it proves optimality.</summary>
    public double LowerBound { get; private set; }

    public bool IsMaximisation => Instance.Sense == ObjectiveSense.Maximize;

    /// <summary>Converts a minimisation-form value to the problem's own sense.</summary>
    public double ToProblemSense(double minimisationValue) => IsMaximisation ? -minimisationValue : minimisationValue;

    /// <summary>Converts a value in the problem's own sense to minimisation form.</summary>
    public double ToMinimisation(double problemValue) => IsMaximisation ? -problemValue : problemValue;

    /// <summary>The agent of each task as the backend contract wants it (-1 = unassigned).</summary>
    public int[] ToAgentOfTask(int[] slotOfTask) =>
        slotOfTask.Select(slot => slot == UnassignedSlot ? -1 : slot).ToArray();

    /// <summary>The slot of a task given an agent index from outside (-1 = unassigned), or -1 when that is not a slot.</summary>
    public int SlotOfAgent(int agent) => agent < 0 ? UnassignedSlot : agent;

    public bool IsEligible(int task, int slot) => !double.IsPositiveInfinity(Cost[task * SlotCount + slot]);

    /// <summary>Recomputes a solution's minimisation-form objective and feasibility from scratch, free of accumulated rounding.</summary>
    public (double Objective, bool Feasible) Evaluate(ReadOnlySpan<int> slotOf)
    {
        var slotLoad = new double[SlotCount];
        double cost = 0;
        for (var t = 0; t < TaskCount; t++)
        {
            cost += Cost[t * SlotCount + slotOf[t]];
            slotLoad[slotOf[t]] += Load[t * SlotCount + slotOf[t]];
        }
        double excess = 0;
        for (var s = 0; s < SlotCount; s++)
            if (slotLoad[s] > Capacity[s] + 1e-9 * Math.Max(1, Math.Abs(Capacity[s]))) excess += slotLoad[s] - Capacity[s];
        return HardCapacity ? (cost, excess == 0) : (cost + SoftCapacityWeight * excess, true);
    }

    /// <summary>
    /// Builds the model for the total-cost objective. A task with nowhere to go is a problem the validator
    /// should have refused; it is reported here by name rather than searched on.
    /// </summary>
    public static AssignmentModel Create(ProblemInstance instance)
    {
        var model = new AssignmentModel(instance);
        var sign = model.IsMaximisation ? -1.0 : 1.0;
        var unassignedPenalty = instance.Problem.Constraints.UnassignedPenalty;
        for (var a = 0; a < model.AgentCount; a++) model.Capacity[a] = instance.Capacity[a];
        if (model.UnassignedSlot >= 0) model.Capacity[model.UnassignedSlot] = double.PositiveInfinity;

        var movable = new List<int>();
        double lowerBound = 0;
        for (var t = 0; t < model.TaskCount; t++)
        {
            var row = t * model.SlotCount;
            model.Cost.AsSpan(row, model.SlotCount).Fill(double.PositiveInfinity);
            var pinned = instance.PinnedAgent[t];
            var slots = new List<int>(instance.EligibleAgents[t]);
            foreach (var a in slots)
            {
                model.Cost[row + a] = sign * instance.Cost(t, a);
                model.Load[row + a] = instance.Load(t, a);
            }
            if (pinned < 0 && model.UnassignedSlot >= 0)
            {
                model.Cost[row + model.UnassignedSlot] = unassignedPenalty * instance.Problem.Tasks[t].Priority;
                slots.Add(model.UnassignedSlot);
            }
            if (slots.Count == 0)
                throw new ArgumentException($"tasks[{t}] (\"{instance.Problem.Tasks[t].Id}\"): no agent has the required skills and the problem does not allow unassigned tasks.", nameof(instance));

            model.EligibleSlots[t] = slots.ToArray();
            model.Movable[t] = pinned < 0 && slots.Count > 1;
            if (model.Movable[t]) movable.Add(t);
            lowerBound += slots.Min(s => model.Cost[row + s]);
        }
        model.MovableTasks = movable.ToArray();
        model.LowerBound = lowerBound;
        return model;
    }
}
