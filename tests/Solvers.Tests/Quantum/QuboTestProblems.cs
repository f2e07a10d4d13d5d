using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>Small seeded GAP-like problems the QUBO can express, and brute force over their assignments.</summary>
internal static class QuboTestProblems
{
    /// <summary>
    /// T tasks on A agents with per-pair costs and loads (overrides), integer capacities that bind, a skill
    /// that removes some pairs, and optionally a pin. With <paramref name="skillGroups"/> &gt; 0, agent a also has skill
    /// group a mod groups and task t needs group t mod groups, so each task may go to about one agent in that many (a sparse
    /// structure). Deterministic for a seed.
    /// </summary>
    public static SchedulingProblem Gap(int seed, int tasks, int agents, bool allowUnassigned = false, bool pin = false,
        ObjectiveSense sense = ObjectiveSense.Minimize, ObjectiveKind kind = ObjectiveKind.TotalCost, int skillGroups = 0)
    {
        string[] Group(int index) => skillGroups > 0 ? [$"g{index % skillGroups}"] : [];
        var random = new Random(seed);
        var agentList = Enumerable.Range(0, agents).Select(a => new Agent
        {
            Id = $"A{a}",
            Skills = [.. a == 0 ? [] : new[] { "s" }, .. Group(a)],
            Capacity = 0, // set below from the loads
        }).ToArray();
        var taskList = Enumerable.Range(0, tasks).Select(t => new SchedulingTask
        {
            Id = $"T{t}",
            RequiredSkills = [.. t % 4 == 3 ? new[] { "s" } : [], .. Group(t)],
            Priority = 1 + t % 2,
        }).ToArray();
        var overrides = new List<TaskAgentOverride>();
        var loads = new double[agents];
        foreach (var task in taskList)
            for (var a = 0; a < agents; a++)
            {
                var load = random.Next(1, 6);
                loads[a] += load;
                overrides.Add(new TaskAgentOverride { TaskId = task.Id, AgentId = agentList[a].Id, Cost = random.Next(1, 20), Load = load });
            }
        // Roughly 70 % of an even share of all loads: capacity binds but feasible assignments exist.
        agentList = agentList.Select((agent, a) => agent with { Capacity = Math.Ceiling(0.8 * loads[a] / agents) + 2 }).ToArray();
        return new SchedulingProblem
        {
            Name = $"qubo-test-{seed}",
            Agents = agentList,
            Tasks = taskList,
            Overrides = overrides,
            Pinned = pin ? [new Assignment(taskList[0].Id, agentList[^1].Id)] : [],
            Objective = new Objective { Kind = kind, Sense = sense },
            Constraints = new ConstraintSettings { AllowUnassigned = allowUnassigned, UnassignedPenalty = 25 },
        };
    }

    /// <summary>The QUBO of <see cref="Gap"/>'s problem for <paramref name="seed"/>.</summary>
    public static Solvers.Quantum.Qubo.SchedulingQubo FormulateGap(int seed, int tasks, int agents, bool allowUnassigned = false) =>
        Solvers.Quantum.Qubo.QuboFormulator.Formulate(ProblemInstance.Compile(Gap(seed, tasks, agents, allowUnassigned)));

    /// <summary>The best checked assignment by enumerating every choice per task (-1 too when allowed).</summary>
    public static (int[] AgentOfTask, CheckResult Check)? BruteForce(ProblemInstance instance)
    {
        var options = Enumerable.Range(0, instance.TaskCount).Select(t =>
            (instance.Problem.Constraints.AllowUnassigned && instance.PinnedAgent[t] < 0 ? instance.EligibleAgents[t].Append(-1) : instance.EligibleAgents[t]).ToArray()).ToArray();
        var sign = instance.Sense == ObjectiveSense.Maximize ? -1 : 1;
        (int[], CheckResult)? best = null;
        foreach (var assignment in Enumerate(options))
        {
            var check = FeasibilityChecker.Check(instance, assignment);
            if (!check.IsFeasible) continue;
            if (best is null || sign * check.PenalizedObjective < sign * best.Value.Item2.PenalizedObjective)
                best = (assignment, check);
        }
        return best;
    }

    /// <summary>Every assignment that picks one option per task.</summary>
    public static IEnumerable<int[]> Enumerate(int[][] options)
    {
        var choice = new int[options.Length];
        while (true)
        {
            if (options.Any(o => o.Length == 0)) yield break;
            yield return options.Select((o, t) => o[choice[t]]).ToArray();
            var t = 0;
            while (t < options.Length && ++choice[t] == options[t].Length) choice[t++] = 0;
            if (t == options.Length) yield break;
        }
    }

    /// <summary>The lowest-energy bitstring by enumeration (n ≤ 24) and its energy.</summary>
    public static (byte[] Bits, double Energy) GroundState(Solvers.Quantum.Qubo.QuboModel model)
    {
        var costs = model.DiagonalCosts();
        var best = 0;
        for (var i = 1; i < costs.Length; i++)
            if (costs[i] < costs[best]) best = i;
        var bits = new byte[model.VariableCount];
        for (var v = 0; v < bits.Length; v++) bits[v] = (byte)((best >> v) & 1);
        return (bits, costs[best]);
    }
}
