using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class RetryAndFallbackTests
{
    [Fact]
    public async Task A_backend_failing_every_try_is_retried_with_backoff_then_the_job_falls_back_to_the_next_ranked_backend()
    {
        var flaky = new FaultInjectionBackend("flaky", failures: 3);
        await using var cluster = await SchedulingCluster.StartAsync(flaky);
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());

        await job.SubmitAsync(SchedulingCluster.Submission("team-with-skills.json", backend: SchedulingCluster.FallbackStrategy));
        var events = await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();

        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal(3, flaky.Calls);
        Assert.Equal(
            [(1, "flaky", AttemptResultKind.Failed), (2, "flaky", AttemptResultKind.Failed), (3, "flaky", AttemptResultKind.Failed), (4, "classical-tabu", AttemptResultKind.Solved)],
            done.Attempts.Select(static a => (a.Number, a.Backend, a.Outcome!.Value)));
        Assert.All(done.Attempts.Take(3), static a => Assert.Contains("injected fault in flaky", a.Error));
        Assert.Equal(3, events.Count(static e => e.Kind == JobEventKind.AttemptFailed));
        var fellBack = Assert.Single(events, static e => e.Kind == JobEventKind.FellBack);
        Assert.Equal("classical-tabu", fellBack.Backend);
        // Two retries waited in the queue (each a Queued transition naming its backoff) before the fallback.
        Assert.Equal(2, done.Transitions.Count(static t => t.State == JobState.Queued && t.Detail!.StartsWith("retry", StringComparison.Ordinal)));
        Assert.Equal("classical-tabu", done.Backend);

        var ledger = await cluster.Client.GetGrain<ICostGrain>(done.JobId).GetLedgerAsync();
        Assert.Equal([1, 2, 3, 4], ledger.Entries.Where(static e => e.Resource == CostResource.CoreSeconds).Select(static e => e.Attempt).Order());
    }

    [Fact]
    public async Task A_backend_that_fails_once_succeeds_on_its_retry_without_falling_back()
    {
        var flaky = new FaultInjectionBackend("flaky", failures: 1);
        await using var cluster = await SchedulingCluster.StartAsync(flaky);
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());

        await job.SubmitAsync(SchedulingCluster.Submission("gap-like.json", backend: SchedulingCluster.FallbackStrategy));
        var events = await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();

        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal([AttemptResultKind.Failed, AttemptResultKind.Solved], done.Attempts.Select(static a => a.Outcome!.Value));
        Assert.All(done.Attempts, static a => Assert.Equal("flaky", a.Backend));
        Assert.DoesNotContain(events, static e => e.Kind == JobEventKind.FellBack);
    }

    [Fact]
    public async Task A_job_whose_every_backend_fails_ends_failed_naming_each_attempt_and_releases_nothing_twice()
    {
        var flaky = new FaultInjectionBackend("flaky", failures: int.MaxValue);
        await using var cluster = await SchedulingCluster.StartAsync(flaky);
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        var submission = SchedulingCluster.Submission("gap-like.json", backend: "flaky");

        await job.SubmitAsync(submission);
        await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();
        var budget = await cluster.Client.GetGrain<QuantumScheduler.Grains.Budgets.IBudgetGrain>(submission.Tenant).GetStatusAsync();
        var ledger = await cluster.Client.GetGrain<ICostGrain>(done.JobId).GetLedgerAsync();

        Assert.Equal(JobState.Failed, done.State);
        Assert.Equal(3, done.Attempts.Count);
        Assert.Contains("attempt 3 on flaky", done.Error);
        Assert.Null(await job.GetResultAsync());
        Assert.Equal(0m, budget.Reserved);
        Assert.Equal(ledger.Total, budget.SpentTotal);
    }
}
