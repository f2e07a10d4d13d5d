using QuantumScheduler.Solvers.IO;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

/// <summary>Problems for the MIP backend tests: hand-made small ones, seeded random ones, and shared GAP files.</summary>
internal static class MipProblems
{
    /// <summary>
    /// Three agents, five tasks with per-pair cost and load; a1's capacity forbids giving every task its cheapest agent.
    /// </summary>
    public static SchedulingProblem SmallGap(ObjectiveSense sense = ObjectiveSense.Minimize)
    {
        int[,] cost = { { 1, 2, 6, 5, 7 }, { 4, 5, 3, 5, 5 }, { 5, 4, 5, 2, 2 } };
        int[,] load = { { 3, 3, 3, 3, 3 }, { 2, 4, 2, 4, 2 }, { 3, 3, 3, 3, 3 } };
        int[] capacity = [5, 4, 6];
        return Gap(cost, load, capacity, sense);
    }

    public static SchedulingProblem Gap(int[,] cost, int[,] load, int[] capacity, ObjectiveSense sense)
    {
        var agents = Enumerable.Range(0, capacity.Length).Select(a => new Agent { Id = $"a{a + 1}", Capacity = capacity[a] }).ToArray();
        var tasks = Enumerable.Range(0, cost.GetLength(1)).Select(t => new SchedulingTask { Id = $"t{t + 1}" }).ToArray();
        var overrides = (from a in Enumerable.Range(0, agents.Length)
                         from t in Enumerable.Range(0, tasks.Length)
                         select new TaskAgentOverride { TaskId = tasks[t].Id, AgentId = agents[a].Id, Cost = cost[a, t], Load = load[a, t] }).ToArray();
        return new SchedulingProblem
        {
            Name = "small-gap",
            Agents = agents,
            Tasks = tasks,
            Overrides = overrides,
            Objective = new Objective { Kind = ObjectiveKind.TotalCost, Sense = sense },
        };
    }

    /// <summary>
    /// A random problem of at most 4 agents and 6 tasks that the MIP models exactly: the shared random generator's
    /// skills, capacities, overrides, pins, objectives and constraint levels, without times the MIP cannot express.
    /// </summary>
    public static SchedulingProblem RandomSupported(int seed)
    {
        var problem = RandomProblems.Create(seed);
        var agents = problem.Agents.Take(4).Select(a => a with { Availability = null }).ToArray();
        var agentIds = agents.Select(a => a.Id).ToHashSet();
        var tasks = problem.Tasks.Take(6).Select(t => t with { Dependencies = [], Deadline = null, ReleaseTime = 0 }).ToArray();
        var taskIds = tasks.Select(t => t.Id).ToHashSet();
        var objective = problem.Objective with { Weights = problem.Objective.Weights with { WeightedTardiness = 0 } };
        if (objective.Kind == ObjectiveKind.WeightedTardiness)
            objective = objective with { Kind = ObjectiveKind.LoadBalance };
        if (objective.Kind != ObjectiveKind.TotalCost)
            objective = objective with { Sense = ObjectiveSense.Minimize };
        return problem with
        {
            Agents = agents,
            Tasks = tasks,
            Overrides = problem.Overrides.Where(o => taskIds.Contains(o.TaskId) && agentIds.Contains(o.AgentId)).ToArray(),
            Pinned = problem.Pinned.Where(p => taskIds.Contains(p.TaskId) && agentIds.Contains(p.AgentId)).ToArray(),
            Objective = objective,
        };
    }

    public static ProblemInstance FromGapFile(string relativePath, ObjectiveSense sense, int index = 0) =>
        ProblemInstance.Compile(GapFileReader.Read(Path.Combine(TestPaths.GapBenchmarks, relativePath), sense)[index]);
}
