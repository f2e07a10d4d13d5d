using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.QaoaBench;

/// <summary>Deterministic GAP-like instances small enough for a simulated qubit per QUBO variable.</summary>
internal static class SmallGap
{
    /// <summary>
    /// <paramref name="tasks"/> tasks on <paramref name="agents"/> agents, costs 1..19 and loads 1..4 per pair, each
    /// capacity about 75 % of an even share of all loads plus one (so it binds, and its slack needs few bits).
    /// </summary>
    public static SchedulingProblem Create(int seed, int tasks, int agents)
    {
        var random = new Random(seed);
        var loads = new double[agents];
        var overrides = new List<TaskAgentOverride>();
        for (var t = 0; t < tasks; t++)
            for (var a = 0; a < agents; a++)
            {
                var load = random.Next(1, 5);
                loads[a] += load;
                overrides.Add(new TaskAgentOverride { TaskId = $"T{t}", AgentId = $"A{a}", Cost = random.Next(1, 20), Load = load });
            }
        return new SchedulingProblem
        {
            Name = $"small-gap-{seed}-{tasks}x{agents}",
            Agents = Enumerable.Range(0, agents).Select(a => new Agent { Id = $"A{a}", Capacity = Math.Ceiling(0.75 * loads[a] / agents) + 1 }).ToArray(),
            Tasks = Enumerable.Range(0, tasks).Select(t => new SchedulingTask { Id = $"T{t}" }).ToArray(),
            Overrides = overrides,
            Objective = new Objective { Kind = ObjectiveKind.TotalCost, Sense = ObjectiveSense.Minimize },
        };
    }
}
