using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class CancellationAndWatchTests
{
    [Fact]
    public async Task A_watcher_receives_progress_while_the_job_runs_and_cancelling_mid_solve_releases_the_reservation()
    {
        var slow = new SlowBackend();
        await using var cluster = await SchedulingCluster.StartAsync(slow);
        var submission = SchedulingCluster.Submission("team-with-skills.json", backend: SlowBackend.BackendName, seconds: 30);
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await job.SubmitAsync(submission);
        var budget = cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant);
        Assert.True((await budget.GetStatusAsync()).Reserved > 0);

        // Long polls return as events happen: a progress event arrives while the job is still running.
        JobProgressEvent? progress = null;
        long after = 0;
        while (progress is null)
        {
            var page = await job.GetEventsAsync(after, TimeSpan.FromSeconds(10));
            Assert.False(page.IsTerminal);
            after = page.LastSequence;
            progress = page.Events.FirstOrDefault(static e => e.Kind == JobEventKind.Progress);
        }
        var cancelled = await job.CancelAsync("the user changed their mind");
        var worker = cluster.Client.GetGrain<IWorkerNodeGrain>(cluster.Primary.Name);
        await SchedulingCluster.WaitUntilAsync(async () => !await worker.HasAttemptAsync(cancelled.JobId, 1));
        var again = await job.CancelAsync("twice");
        var after2 = await budget.GetStatusAsync();

        Assert.Equal(JobState.Running, progress.State);
        Assert.Equal(1, progress.Attempt);
        Assert.NotNull(progress.BestObjective);
        Assert.InRange(progress.Fraction!.Value, 0, 1);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal("the user changed their mind", cancelled.Error);
        Assert.Equal(AttemptResultKind.Cancelled, Assert.Single(cancelled.Attempts).Outcome);
        Assert.Equal(cancelled.Transitions.Count, again.Transitions.Count);
        Assert.Null(await job.GetResultAsync());
        Assert.Equal((0m, 0m), (after2.Reserved, after2.SpentTotal));
        Assert.Equal(JobState.Cancelled, (await job.GetStatusAsync()).State);   // the late Cancelled outcome changed nothing
    }

    [Fact]
    public async Task An_ended_job_is_forgotten_after_its_retention()
    {
        await using var cluster = await SchedulingCluster.Builder()
            .AddConfiguration("QuantumScheduler:Scheduler:ResultRetention", "00:00:01")
            .Build().DeployAndReturnAsync();
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await job.SubmitAsync(SchedulingCluster.Submission("gap-like.json"));
        await SchedulingCluster.WatchToEndAsync(job);

        await SchedulingCluster.WaitUntilAsync(async () =>
        {
            try
            {
                await job.GetStatusAsync();
                return false;
            }
            catch (Errors.JobNotFoundException)
            {
                return true;
            }
        }, TimeSpan.FromSeconds(15));
    }
}
