using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.TestingHost;
using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>Test clusters with the scheduling grains, fast retry and resume settings, and test-only backends.</summary>
public static class SchedulingCluster
{
    /// <summary>The strategy that ranks <c>flaky</c> first and <c>classical-tabu</c> second.</summary>
    public const string FallbackStrategy = "flaky-then-tabu";

    public static TestClusterBuilder Builder(params ISolverBackend[] extraBackends) =>
        new TestClusterBuilder()
            .AddConfiguration("QuantumScheduler:Scheduler:RetryPolicy:BaseDelay", "00:00:00.100")
            .AddConfiguration("QuantumScheduler:Scheduler:ResumeCheckInterval", "00:00:01")
            .AddConfiguration("QuantumScheduler:Scheduler:BackendStrategy", "classical-tabu")
            .AddConfiguration("QuantumScheduler:Reminders:MinimumReminderPeriod", "00:00:01")
            .AddConfiguration("QuantumScheduler:Backends:HealthCheckInterval", "00:00:00")
            .ConfigureSilo(silo =>
            {
                silo.AddSchedulingGrains(silo.Configuration);
                foreach (var backend in extraBackends)
                    silo.Services.AddSingleton(backend);
                silo.Services.AddSingleton<IBackendSelector>(new FixedRankingSelector(FallbackStrategy, "flaky", "classical-tabu"));
            });

    /// <summary>Deploys the cluster and returns it, for <c>await using var cluster = await builder.Build().DeployAndReturnAsync()</c>.</summary>
    public static async Task<TestCluster> DeployAndReturnAsync(this TestCluster cluster)
    {
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task<TestCluster> StartAsync(params ISolverBackend[] extraBackends)
    {
        var cluster = Builder(extraBackends).Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static JobSubmission Submission(string exampleFile, string? backend = "classical-tabu", double seconds = 0.3) => new()
    {
        ProblemJson = Examples.Read(exampleFile),
        Backend = backend,
        TimeLimit = TimeSpan.FromSeconds(seconds),
        Tenant = "tenant-" + Guid.NewGuid().ToString("N")[..8],
    };

    /// <summary>Follows the job's events with long polls until it ends; returns every event seen.</summary>
    public static async Task<List<JobProgressEvent>> WatchToEndAsync(ISchedulingJobGrain job, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var events = new List<JobProgressEvent>();
        long after = 0;
        while (true)
        {
            cancellation.Token.ThrowIfCancellationRequested();
            var page = await job.GetEventsAsync(after, TimeSpan.FromSeconds(2));
            events.AddRange(page.Events);
            after = page.LastSequence;
            if (page.IsTerminal && page.Events.Count == 0)
                return events;
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(50);
        }
    }
}
