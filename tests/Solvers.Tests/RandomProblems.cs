using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests;

/// <summary>
/// Seeded random problems that exercise every rule: skills, capacities, overrides, pins, dependencies
/// (acyclic: only on earlier tasks), release times, deadlines, availability windows, every objective kind
/// and both constraint levels. Deterministic for a given seed.
/// </summary>
internal static class RandomProblems
{
    private static readonly string[] SkillPool = ["go", "rust", "sql", "ops", "ml"];

    /// <param name="seed">Makes the problem reproducible.</param>
    /// <param name="valid">Only problems <c>ProblemValidator</c> accepts: pins on agents with the skills, tasks optional.</param>
    public static SchedulingProblem Create(int seed, bool valid = false)
    {
        var random = new Random(seed);
        var agentCount = random.Next(1, 6);
        var taskCount = random.Next(1, 13);

        var agents = Enumerable.Range(0, agentCount).Select(a => new Agent
        {
            Id = $"a{a}",
            Skills = SkillPool.Where(_ => random.NextDouble() < 0.6).ToArray(),
            Capacity = random.NextDouble() < 0.8 ? random.Next(0, 30) : null,
            CostRate = random.Next(1, 5),
            Availability = random.NextDouble() < 0.4 ? Windows(random) : null,
        }).ToArray();

        var tasks = Enumerable.Range(0, taskCount).Select(t => new SchedulingTask
        {
            Id = $"t{t}",
            RequiredSkills = SkillPool.Where(_ => random.NextDouble() < 0.2).ToArray(),
            Duration = random.Next(0, 8),
            Load = random.NextDouble() < 0.3 ? random.Next(0, 10) : null,
            Priority = random.Next(1, 4),
            ReleaseTime = random.NextDouble() < 0.3 ? random.Next(0, 10) : 0,
            Deadline = random.NextDouble() < 0.4 ? random.Next(3, 30) : null,
            Dependencies = Enumerable.Range(0, t).Where(_ => random.NextDouble() < 0.15).Select(p => $"t{p}").ToArray(),
        }).ToArray();

        var overrides = new List<TaskAgentOverride>();
        foreach (var task in tasks)
            foreach (var agent in agents)
                if (random.NextDouble() < 0.2)
                    overrides.Add(new TaskAgentOverride
                    {
                        TaskId = task.Id,
                        AgentId = agent.Id,
                        Cost = random.NextDouble() < 0.5 ? random.Next(0, 20) : null,
                        Load = random.NextDouble() < 0.5 ? random.Next(0, 10) : null,
                        Duration = random.NextDouble() < 0.5 ? random.Next(1, 8) : null,
                    });

        var pinned = tasks.Where(_ => random.NextDouble() < 0.1)
            .Select(t => new Assignment(t.Id, agents[random.Next(agentCount)].Id))
            .Where(pin => !valid || tasks.Single(t => t.Id == pin.TaskId).RequiredSkills.All(agents.Single(a => a.Id == pin.AgentId).Skills.Contains))
            .ToArray();

        var kinds = Enum.GetValues<ObjectiveKind>();
        return new SchedulingProblem
        {
            Name = $"random-{seed}",
            Agents = agents,
            Tasks = tasks,
            Overrides = overrides,
            Pinned = pinned,
            Objective = new Objective
            {
                Kind = kinds[random.Next(kinds.Length)],
                Sense = random.NextDouble() < 0.2 ? ObjectiveSense.Maximize : ObjectiveSense.Minimize,
                Weights = new ObjectiveWeights { Cost = random.Next(0, 3), Makespan = random.Next(0, 3), WeightedTardiness = random.Next(0, 3), LoadBalance = random.Next(0, 3) },
            },
            Constraints = new ConstraintSettings
            {
                Capacity = random.NextDouble() < 0.5 ? ConstraintLevel.Hard : ConstraintLevel.Soft(random.Next(1, 10)),
                Deadlines = random.NextDouble() < 0.5 ? ConstraintLevel.Hard : ConstraintLevel.Soft(random.Next(1, 10)),
                AllowUnassigned = valid || random.NextDouble() < 0.5,
                UnassignedPenalty = random.Next(10, 100),
            },
        };
    }

    /// <summary>A random assignment: mostly eligible agents, sometimes ineligible ones or none.</summary>
    public static int[] Assignment(ProblemInstance instance, Random random) =>
        Enumerable.Range(0, instance.TaskCount).Select(t =>
        {
            var roll = random.NextDouble();
            if (roll < 0.1) return -1;
            if (roll < 0.2 || instance.EligibleAgents[t].Length == 0) return random.Next(instance.AgentCount);
            return instance.EligibleAgents[t][random.Next(instance.EligibleAgents[t].Length)];
        }).ToArray();

    private static TimeWindow[] Windows(Random random)
    {
        var windows = new List<TimeWindow>();
        var time = (double)random.Next(0, 5);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var end = time + random.Next(2, 12);
            windows.Add(new TimeWindow(time, end));
            time = end + random.Next(1, 6);
        }
        return [.. windows];
    }
}
