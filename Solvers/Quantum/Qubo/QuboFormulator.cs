using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// Writes a scheduling problem as a QUBO over x[t,a] (task t on agent a) and capacity slack bits s[a,k]:
/// <list type="bullet">
/// <item>each task: P·(Σₐ x[t,a] − 1)² (linear −P, +2P per pair); when tasks may stay unassigned, at most one
/// agent, P·Σ pairs, and the unassigned penalty becomes a linear reward for assigning;</item>
/// <item>skills by elimination: ineligible pairs, pairs whose load alone exceeds the capacity, and pinned
/// tasks get no variable (a pinned task's cost and load become constants);</item>
/// <item>each agent whose eligible loads could exceed its capacity:
/// P·(Σ (d/u)·x + Σ cₖ s[a,k] − C′/u)² with the slack bounded by C′/u (see <see cref="CapacityEncoding"/>);</item>
/// <item>objective: total cost linear, shifted per task by its cheapest option so every term is ≥ 0 (the shift
/// is constant on one-hot assignments); load balance by the quadratic proxy Σₐ (loadₐ / capacityₐ)².</item>
/// </list>
/// Minimisation throughout: a maximised objective is negated. The default penalty is 1 + the objective's
/// range over assignments (Qiskit's rule), which with the per-task shift makes every violating bitstring
/// cost more than any assignment's objective when loads are multiples of the capacity unit.
/// </summary>
public static class QuboFormulator
{
    private static readonly double[] CandidateUnits = [1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.01, 0.001];

    /// <summary>Slack resolution, in steps of capacity, when loads are not multiples of any candidate unit.</summary>
    private const int FallbackSlackSteps = 1024;

    /// <summary>Formulates the problem with the given penalty weights, or the default (1 + objective range) for all.</summary>
    /// <exception cref="NotSupportedException">The problem needs something the QUBO cannot express (<see cref="QuboSupport"/>).</exception>
    public static SchedulingQubo Formulate(ProblemInstance instance, QuboPenalties? penalties = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (QuboSupport.RefusalReason(instance) is { } reason) throw new NotSupportedException(reason);
        if (penalties is not null && (penalties.TaskWeights.Count != instance.TaskCount || penalties.AgentWeights.Count != instance.AgentCount))
            throw new ArgumentException("The penalties were made for a problem of another size.", nameof(penalties));

        var problem = instance.Problem;
        var objective = problem.Objective;
        var sign = objective.Sense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        var costWeight = objective.Kind switch
        {
            ObjectiveKind.TotalCost => 1.0,
            ObjectiveKind.WeightedMix => objective.Weights.Cost,
            _ => 0.0,
        };
        var balanceWeight = objective.Kind switch
        {
            ObjectiveKind.LoadBalance => 1.0,
            ObjectiveKind.WeightedMix => objective.Weights.LoadBalance,
            _ => 0.0,
        };
        var allowUnassigned = problem.Constraints.AllowUnassigned;
        var (tasks, agents) = (instance.TaskCount, instance.AgentCount);
        string? infeasibility = null;

        // Pinned tasks are constants: their load shrinks the capacity the free tasks may use.
        var pinnedLoad = new double[agents];
        var pinnedCost = 0.0;
        for (var t = 0; t < tasks; t++)
        {
            var p = instance.PinnedAgent[t];
            if (p < 0) continue;
            pinnedLoad[p] += instance.Load(t, p);
            pinnedCost += sign * costWeight * instance.Cost(t, p);
        }
        var capacityLeft = new double[agents];
        for (var a = 0; a < agents; a++)
        {
            capacityLeft[a] = instance.Capacity[a] - pinnedLoad[a];
            if (capacityLeft[a] < -Tolerance(instance.Capacity[a]))
                infeasibility ??= $"the tasks pinned to agent \"{problem.Agents[a].Id}\" load it to {pinnedLoad[a]}, over its capacity {instance.Capacity[a]}";
        }

        // Assignment variables: eligible, unpinned pairs whose load fits what the agent has left.
        var variables = new List<QuboVariable>();
        var taskVariables = new int[tasks][];
        var agentVariables = Enumerable.Range(0, agents).Select(_ => new List<int>()).ToArray();
        var eliminated = 0;
        var pinnedTasks = 0;
        for (var t = 0; t < tasks; t++)
        {
            var own = new List<int>();
            if (instance.PinnedAgent[t] >= 0)
            {
                pinnedTasks++;
                eliminated += agents;
                taskVariables[t] = [];
                continue;
            }
            foreach (var a in instance.EligibleAgents[t])
            {
                if (instance.Load(t, a) > capacityLeft[a] + Tolerance(instance.Capacity[a])) continue;
                own.Add(variables.Count);
                agentVariables[a].Add(variables.Count);
                variables.Add(QuboVariable.Assignment(t, a));
            }
            eliminated += agents - own.Count;
            taskVariables[t] = own.ToArray();
            if (own.Count == 0 && !allowUnassigned)
                infeasibility ??= $"task \"{problem.Tasks[t].Id}\" fits no agent (skills and capacity) and may not stay unassigned";
        }
        var assignmentCount = variables.Count;

        // Capacity slack: only where the agent's candidate loads could exceed what it has left.
        var capacity = new CapacityEncoding?[agents];
        var redundant = 0;
        for (var a = 0; a < agents; a++)
        {
            if (!double.IsFinite(instance.Capacity[a]) || agentVariables[a].Count == 0) continue;
            var left = Math.Max(0, capacityLeft[a]);
            var loads = agentVariables[a].Select(v => instance.Load(variables[v].Task, a)).ToArray();
            if (loads.Sum() <= left + Tolerance(instance.Capacity[a]))
            {
                redundant++;
                continue;
            }
            var unit = CapacityUnit(loads, left);
            var limit = (int)Math.Floor(left / unit + 1e-9);
            var weights = CapacityEncoding.BoundedBinaryWeights(limit);
            capacity[a] = new CapacityEncoding(a, left, unit, limit, variables.Count, weights);
            for (var k = 0; k < weights.Length; k++) variables.Add(QuboVariable.Slack(a, k, weights[k] * unit));
        }

        var objectiveRange = ObjectiveRange(instance, taskVariables, variables, sign * costWeight, balanceWeight, pinnedLoad, allowUnassigned);
        var defaultPenalty = 1 + objectiveRange;
        penalties ??= new QuboPenalties(tasks, agents, defaultPenalty);

        var builder = new QuboBuilder(variables.Count);
        builder.AddOffset(pinnedCost);
        for (var t = 0; t < tasks; t++)
        {
            if (instance.PinnedAgent[t] >= 0) continue;
            var own = taskVariables[t];
            var p = penalties.Task(t);
            if (allowUnassigned)
            {
                var reward = problem.Constraints.UnassignedPenalty * problem.Tasks[t].Priority;
                builder.AddOffset(reward);
                foreach (var v in own) builder.AddLinear(v, sign * costWeight * instance.Cost(t, variables[v].Agent) - reward);
                for (var i = 0; i < own.Length; i++)
                    for (var j = i + 1; j < own.Length; j++)
                        builder.AddQuadratic(own[i], own[j], p);
                continue;
            }
            if (own.Length == 0)
            {
                builder.AddOffset(p);
                continue;
            }
            var shift = own.Min(v => sign * costWeight * instance.Cost(t, variables[v].Agent));
            builder.AddOffset(shift);
            foreach (var v in own) builder.AddLinear(v, sign * costWeight * instance.Cost(t, variables[v].Agent) - shift);
            builder.AddSquaredLinear(own, Ones(own.Length), -1, p);
        }

        for (var a = 0; a < agents; a++)
        {
            if (balanceWeight == 0) continue;
            var own = agentVariables[a];
            var scale = BalanceScale(instance.Capacity[a]);
            var coefficients = own.Select(v => instance.Load(variables[v].Task, a) / scale).ToArray();
            builder.AddSquaredLinear(own.ToArray(), coefficients, pinnedLoad[a] / scale, balanceWeight);
        }
        // Everything so far is the residual a structure-aware sampler prices directly; the capacity penalties
        // come last so that the full model is exactly the residual plus them.
        var residual = builder.Build();

        var unitLoad = new double[variables.Count];
        for (var a = 0; a < agents; a++)
            if (capacity[a] is { } encoding)
                foreach (var v in agentVariables[a]) unitLoad[v] = instance.Load(variables[v].Task, a) / encoding.Unit;
        var structure = new QuboAssignmentStructure(residual, variables, taskVariables, unitLoad, capacity, penalties, exactlyOne: !allowUnassigned);

        // The capacity terms couple every pair of an agent's variables (millions of terms for 900 tasks), and the
        // one-hot samplers price them from the structure instead; the full model is built when something asks for it.
        var model = new Lazy<QuboModel>(() =>
        {
            for (var a = 0; a < agents; a++)
            {
                if (capacity[a] is not { } encoding) continue;
                var own = agentVariables[a];
                var members = own.Concat(Enumerable.Range(encoding.FirstSlackVariable, encoding.SlackWeights.Length)).ToArray();
                var weights = own.Select(v => unitLoad[v]).Concat(encoding.SlackWeights).ToArray();
                builder.AddSquaredLinear(members, weights, -encoding.Capacity / encoding.Unit, penalties.Agent(a));
            }
            return builder.Build();
        });
        var report = new QuboFormulationReport
        {
            AssignmentVariables = assignmentCount,
            SlackBits = variables.Count - assignmentCount,
            QuadraticTerms = balanceWeight == 0 ? QuadraticTermCount(residual, capacity, agentVariables, unitLoad) : model.Value.Terms.Count,
            EliminatedPairs = eliminated,
            PinnedTasks = pinnedTasks,
            CapacityConstraints = capacity.Count(c => c is not null),
            RedundantCapacityConstraints = redundant,
            ObjectiveRange = objectiveRange,
            ObjectiveResolution = ObjectiveResolution(instance, taskVariables, variables, sign * costWeight, allowUnassigned, objectiveRange),
            DefaultPenalty = defaultPenalty,
            TaskPenalties = penalties.TaskWeights,
            AgentPenalties = penalties.AgentWeights,
        };
        return new SchedulingQubo(instance, model, structure, variables.ToArray(), taskVariables, capacity, penalties, report, infeasibility);
    }

    /// <summary>
    /// The full model's quadratic term count without building it, when no objective term couples an agent's
    /// variables (no load balance): the residual's terms join variables of one task, a capacity term those of one
    /// agent, so the two sets are disjoint, and a capacity term pairs every two of its members with a nonzero
    /// coefficient (2·P·dᵢ·dⱼ, zero only for a zero load).
    /// </summary>
    private static int QuadraticTermCount(QuboModel residual, CapacityEncoding?[] capacity, List<int>[] agentVariables, double[] unitLoad)
    {
        long count = residual.Terms.Count;
        foreach (var encoding in capacity)
        {
            if (encoding is null) continue;
            long members = agentVariables[encoding.Agent].Count(v => unitLoad[v] != 0) + encoding.SlackWeights.Length;
            count += members * (members - 1) / 2;
        }
        return (int)Math.Min(int.MaxValue, count);
    }

    /// <summary>
    /// Upper minus lower bound of the (minimised) objective over assignments that give each task at most its
    /// variables' agents: per task the spread of its options, plus the load-balance proxy's span.
    /// </summary>
    private static double ObjectiveRange(
        ProblemInstance instance, int[][] taskVariables, List<QuboVariable> variables, double costFactor,
        double balanceWeight, double[] pinnedLoad, bool allowUnassigned)
    {
        var range = 0.0;
        var maxLoad = (double[])pinnedLoad.Clone();
        for (var t = 0; t < instance.TaskCount; t++)
        {
            var options = taskVariables[t].Select(v => costFactor * instance.Cost(t, variables[v].Agent)).ToList();
            if (allowUnassigned)
            {
                options = options.Select(o => o - instance.Problem.Constraints.UnassignedPenalty * instance.Problem.Tasks[t].Priority).ToList();
                options.Add(0);
            }
            if (options.Count > 0) range += options.Max() - options.Min();
            foreach (var v in taskVariables[t]) maxLoad[variables[v].Agent] += instance.Load(t, variables[v].Agent);
        }
        if (balanceWeight != 0)
            for (var a = 0; a < instance.AgentCount; a++)
            {
                var scale = BalanceScale(instance.Capacity[a]);
                range += Math.Abs(balanceWeight) * (maxLoad[a] * maxLoad[a] - pinnedLoad[a] * pinnedLoad[a]) / (scale * scale);
            }
        return range;
    }

    private static double ObjectiveResolution(
        ProblemInstance instance, int[][] taskVariables, List<QuboVariable> variables, double costFactor, bool allowUnassigned, double range)
    {
        var resolution = double.PositiveInfinity;
        for (var t = 0; t < instance.TaskCount; t++)
        {
            var options = taskVariables[t].Select(v => costFactor * instance.Cost(t, variables[v].Agent)).ToList();
            if (allowUnassigned) options.Add(instance.Problem.Constraints.UnassignedPenalty * instance.Problem.Tasks[t].Priority);
            options.Sort();
            for (var i = 1; i < options.Count; i++)
                if (options[i] - options[i - 1] > 1e-9) resolution = Math.Min(resolution, options[i] - options[i - 1]);
        }
        return double.IsFinite(resolution) ? resolution : range > 0 ? range / 1000 : 1;
    }

    /// <summary>Load balance divides by the capacity, or by 1 for agents without one (as the objective does).</summary>
    private static double BalanceScale(double capacity) => double.IsFinite(capacity) && capacity > 0 ? capacity : 1;

    /// <summary>
    /// The largest candidate unit of which every load and the capacity are whole multiples, so that a
    /// violation is at least one unit; otherwise capacity / <see cref="FallbackSlackSteps"/> (then the slack can
    /// only approximate the unused capacity, and the checker has the last word).
    /// </summary>
    private static double CapacityUnit(double[] loads, double capacity)
    {
        foreach (var unit in CandidateUnits)
            if (IsMultiple(capacity, unit) && loads.All(d => IsMultiple(d, unit)))
                return unit;
        return Math.Max(capacity, 1e-9) / FallbackSlackSteps;
    }

    private static bool IsMultiple(double value, double unit)
    {
        var steps = value / unit;
        return Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1, Math.Abs(steps));
    }

    private static double Tolerance(double capacity) => double.IsFinite(capacity) ? 1e-9 * Math.Max(1, Math.Abs(capacity)) : 0;

    private static double[] Ones(int count) => Enumerable.Repeat(1.0, count).ToArray();
}
