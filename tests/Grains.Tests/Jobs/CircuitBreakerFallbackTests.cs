using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class CircuitBreakerFallbackTests
{
    [Fact]
    public async Task A_failing_backend_opens_its_breaker_later_jobs_fall_back_and_a_half_open_trial_closes_it_again()
    {
        var flaky = new FaultInjectionBackend("flaky", failures: 2);
        await using var cluster = await SchedulingCluster.Builder(flaky)
            .AddConfiguration("QuantumScheduler:Scheduler:CircuitBreaker:FailureThreshold", "2")
            .AddConfiguration("QuantumScheduler:Scheduler:CircuitBreaker:RecoveryTimeout", "00:00:01")
            .AddConfiguration("QuantumScheduler:Scheduler:RetryPolicy:MaxAttempts", "2")
            .Build().DeployAndReturnAsync();
        var breaker = cluster.Client.GetGrain<ICircuitBreakerGrain>("flaky");

        var first = await RunAsync(cluster.Client);
        var opened = await breaker.GetStateAsync();
        var second = await RunAsync(cluster.Client);
        await SchedulingCluster.WaitUntilAsync(async () => DateTimeOffset.UtcNow > (await breaker.GetStateAsync()).RetryAt);
        var third = await RunAsync(cluster.Client);
        var closed = await breaker.GetStateAsync();

        Assert.Equal(["flaky", "flaky", "classical-tabu"], first.Snapshot.Attempts.Select(static a => a.Backend));
        Assert.Equal(BreakerState.Open, opened.State);
        // The open breaker turned the second job away from flaky without an attempt there.
        Assert.Equal(["classical-tabu"], second.Snapshot.Attempts.Select(static a => a.Backend));
        Assert.Contains(second.Events, static e => e.Kind == JobEventKind.FellBack && e.Message!.Contains("circuit breaker of flaky is Open", StringComparison.Ordinal));
        // After the recovery timeout the third job is the half-open trial; flaky has recovered, so the breaker closes.
        Assert.Equal([("flaky", AttemptResultKind.Solved)], third.Snapshot.Attempts.Select(static a => (a.Backend, a.Outcome!.Value)));
        Assert.Equal(BreakerState.Closed, closed.State);
        Assert.Equal(3, flaky.Calls);
        Assert.All([first, second, third], static run => Assert.Equal(JobState.Completed, run.Snapshot.State));
    }

    private static async Task<(JobSnapshot Snapshot, List<JobProgressEvent> Events)> RunAsync(Runtime.IGrainFactory grains)
    {
        var job = grains.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await job.SubmitAsync(SchedulingCluster.Submission("gap-like.json", backend: SchedulingCluster.FallbackStrategy) with { UseCache = false });
        var events = await SchedulingCluster.WatchToEndAsync(job);
        return (await job.GetStatusAsync(), events);
    }
}
