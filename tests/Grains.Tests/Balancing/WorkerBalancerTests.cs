using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Balancing;

public sealed class WorkerBalancerTests
{
    private const int MaxQueue = 10;

    private static WorkerLoad Worker(string id, int running = 0, int queued = 0, int maxWorkers = 4, double weight = 1, bool healthy = true,
        double? p95 = null, double errorRate = 0, double cpu = 0) => new()
    {
        WorkerId = id, MaxWorkers = maxWorkers, Running = running, Queued = queued, Weight = weight, Healthy = healthy,
        LatencyP95Ms = p95, ErrorRate = errorRate, CpuUtilization = cpu,
    };

    private static List<string?> Choices(IWorkerBalancer balancer, IReadOnlyList<WorkerLoad> workers, int count) =>
        Enumerable.Range(0, count).Select(_ => balancer.Choose(workers)).ToList();

    [Fact]
    public void Round_robin_rotates_and_skips_unhealthy_and_full_workers()
    {
        var balancer = new RoundRobinBalancer(MaxQueue);
        Assert.Equal(["a", "b", "c", "a", "b", "c"], Choices(balancer, [Worker("a"), Worker("b"), Worker("c")], 6));

        var degraded = new[] { Worker("a"), Worker("b", healthy: false), Worker("c", running: 4, queued: MaxQueue) };
        Assert.Equal(["a", "a", "a"], Choices(new RoundRobinBalancer(MaxQueue), degraded, 3));
    }

    [Fact]
    public void A_worker_with_busy_slots_but_queue_room_is_still_eligible()
    {
        var balancer = new RoundRobinBalancer(MaxQueue);
        Assert.True(balancer.IsEligible(Worker("a", running: 4, queued: MaxQueue - 1)));
        Assert.False(balancer.IsEligible(Worker("a", running: 4, queued: MaxQueue)));
        Assert.True(balancer.IsEligible(Worker("a", running: 3, queued: MaxQueue)));
    }

    [Fact]
    public void No_eligible_worker_gives_null()
    {
        WorkerLoad[] workers = [Worker("a", healthy: false), Worker("b", running: 4, queued: MaxQueue)];
        foreach (var name in WorkerBalancerNames.All)
            Assert.Null(Factory().Get(name).Choose(workers));
        Assert.Null(new RoundRobinBalancer(MaxQueue).Choose([]));
    }

    [Fact]
    public void Least_connections_picks_the_fewest_running_and_queued()
    {
        var balancer = new LeastConnectionsBalancer(MaxQueue);
        Assert.Equal("c", balancer.Choose([Worker("a", running: 3), Worker("b", running: 2, queued: 2), Worker("c", running: 1, queued: 1)]));
        // Tie on connections: more free slots wins, then list order.
        Assert.Equal("b", balancer.Choose([Worker("a", running: 2), Worker("b", queued: 2, maxWorkers: 4)]));
        Assert.Equal("a", balancer.Choose([Worker("a", running: 1), Worker("b", running: 1)]));
        Assert.Equal("b", balancer.Choose([Worker("a", healthy: false), Worker("b", running: 3)]));
    }

    [Fact]
    public void Least_connections_spreads_work_as_loads_grow()
    {
        var balancer = new LeastConnectionsBalancer(MaxQueue);
        var running = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        for (var i = 0; i < 9; i++)
        {
            var chosen = balancer.Choose(running.Select(kv => Worker(kv.Key, running: kv.Value, maxWorkers: 10)).ToList())!;
            running[chosen]++;
        }
        Assert.Equal([3, 3, 3], running.Values);
    }

    [Fact]
    public void Weighted_round_robin_is_smooth_as_nginx()
    {
        var balancer = new WeightedRoundRobinBalancer(MaxQueue);
        WorkerLoad[] workers = [Worker("a", weight: 5), Worker("b", weight: 1), Worker("c", weight: 1)];

        Assert.Equal(["a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c", "a", "a"], Choices(balancer, workers, 14));
    }

    [Fact]
    public void Weighted_round_robin_skips_ineligible_workers_and_shares_among_the_rest_by_weight()
    {
        var balancer = new WeightedRoundRobinBalancer(MaxQueue);
        WorkerLoad[] workers = [Worker("a", weight: 5, healthy: false), Worker("b", weight: 2), Worker("c", weight: 1), Worker("d", weight: 0)];

        var choices = Choices(balancer, workers, 30);

        Assert.Equal(20, choices.Count(c => c == "b"));
        Assert.Equal(10, choices.Count(c => c == "c"));
    }

    [Fact]
    public void Intelligent_prefers_the_idle_fast_healthy_worker()
    {
        var balancer = new IntelligentBalancer(MaxQueue);
        WorkerLoad[] workers =
        [
            Worker("busy", running: 4, queued: 4, p95: 100),
            Worker("slow", p95: 1000),
            Worker("erring", p95: 100, errorRate: 0.9),
            Worker("good", p95: 100, cpu: 0.2),
        ];

        Assert.Equal("good", balancer.Choose(workers));
        Assert.Equal(0.5 * 1 + 0.2 * 0.1 + 0.2 * 1 + 0.1 * 1, IntelligentBalancer.Score(workers[1], fastestP95Ms: 100), 10);
        Assert.Equal(0.5 * (1 / 3.0) + 0.2 * 1 + 0.2 * 1 + 0.1 * 1, IntelligentBalancer.Score(workers[0], fastestP95Ms: 100), 10);
    }

    [Fact]
    public void The_factory_knows_each_name_shares_instances_and_refuses_unknown_names()
    {
        var factory = Factory();
        Assert.IsType<LeastConnectionsBalancer>(factory.Default);
        Assert.Same(factory.Get("round_robin"), factory.Get("ROUND_ROBIN"));
        Assert.Equal(WorkerBalancerNames.All, WorkerBalancerNames.All.Select(name => factory.Get(name).Name));

        var error = Assert.Throws<ArgumentException>(() => factory.Get("random"));
        Assert.StartsWith("Unknown load-balancing strategy \"random\"; valid: round_robin, least_connections, weighted_round_robin, intelligent.", error.Message);
    }

    private static WorkerBalancerFactory Factory() => new(Options.Create(new SchedulerOptions { MaxQueueLength = MaxQueue }));
}
