using QuantumScheduler.Grains.Caching;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Tests.Caching;

public sealed class SolutionCacheKeyTests
{
    private static SchedulingProblem Parse(string json) => ProblemJsonReader.Read(json).Problem!;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public void Key_order_whitespace_and_number_spelling_do_not_change_the_key()
    {
        var compact = """{"name":"p","agents":[{"id":"a","capacity":4}],"tasks":[{"id":"t","duration":2}],"objective":{"kind":"totalCost"}}""";
        var spread = """
            {
              "objective": { "kind": "totalCost" },
              "tasks": [ { "duration": 2.0, "id": "t" } ],
              "agents": [ { "capacity": 4, "id": "a" } ],
              "name": "p"
            }
            """;

        Assert.Equal(SolutionCacheKey.Compute(Parse(compact), "classical-tabu", Limit, 1), SolutionCacheKey.Compute(Parse(spread), "Classical-Tabu", Limit, 1));
    }

    [Fact]
    public void The_problem_the_strategy_the_time_limit_and_the_seed_each_change_the_key()
    {
        var problem = Parse(Examples.Read("team-with-skills.json"));
        var other = Parse(Examples.Read("gap-like.json"));
        var key = SolutionCacheKey.Compute(problem, "classical-tabu", Limit, 1);

        Assert.NotEqual(key, SolutionCacheKey.Compute(other, "classical-tabu", Limit, 1));
        Assert.NotEqual(key, SolutionCacheKey.Compute(problem, "hybrid", Limit, 1));
        Assert.NotEqual(key, SolutionCacheKey.Compute(problem, "classical-tabu", TimeSpan.FromSeconds(6), 1));
        Assert.NotEqual(key, SolutionCacheKey.Compute(problem, "classical-tabu", Limit, 2));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }
}
