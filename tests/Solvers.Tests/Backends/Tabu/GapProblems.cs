using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Tabu;

/// <summary>Seeded random GAP-like problems (per-pair cost and load, capacities) for the tabu backend's tests.</summary>
internal static class GapProblems
{
    /// <summary>A problem whose capacities are a fraction of the loads a greedy would use, so that capacity binds.</summary>
    public static SchedulingProblem Create(int seed, int agents, int tasks, double tightness = 0.8, ObjectiveSense sense = ObjectiveSense.Minimize)
    {
        var random = new Random(seed);
        var cost = new int[agents, tasks];
        var load = new int[agents, tasks];
        for (var a = 0; a < agents; a++)
        for (var t = 0; t < tasks; t++)
        {
            load[a, t] = random.Next(5, 26);
            cost[a, t] = random.Next(10, 51);
        }
        var capacities = Enumerable.Range(0, agents)
            .Select(a => Math.Ceiling(tightness * Enumerable.Range(0, tasks).Sum(t => load[a, t]) / agents))
            .ToArray();
        return new SchedulingProblem
        {
            Name = $"gap-{seed}-{agents}x{tasks}",
            Agents = Enumerable.Range(0, agents).Select(a => new Agent { Id = $"a{a}", Capacity = capacities[a] }).ToList(),
            Tasks = Enumerable.Range(0, tasks).Select(t => new SchedulingTask { Id = $"t{t}" }).ToList(),
            Overrides = (from a in Enumerable.Range(0, agents)
                         from t in Enumerable.Range(0, tasks)
                         select new TaskAgentOverride { TaskId = $"t{t}", AgentId = $"a{a}", Cost = cost[a, t], Load = load[a, t] }).ToList(),
            Objective = new Objective { Sense = sense },
        };
    }
}
