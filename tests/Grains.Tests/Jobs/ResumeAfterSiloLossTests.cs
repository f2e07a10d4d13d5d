using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class ResumeAfterSiloLossTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "qs-jobs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_job_whose_silo_dies_mid_solve_resumes_on_a_new_silo_by_its_reminder_ends_once_and_is_charged_once(bool kill)
    {
        var slow = new SlowBackend();
        await using var cluster = SchedulingCluster.Builder(slow).UseSqliteStorage(_data).Build();
        await cluster.DeployAsync();
        var submission = SchedulingCluster.Submission("team-with-skills.json", backend: SlowBackend.BackendName, seconds: 1.5);
        var jobId = JobIds.New();
        await cluster.Client.GetGrain<ISchedulingJobGrain>(jobId).SubmitAsync(submission);
        await SchedulingCluster.WaitUntilAsync(() => Task.FromResult(slow.Started == 1));

        if (kill)
            await cluster.KillSiloAsync(cluster.Primary);      // a crash: nothing is written, the solve is abandoned
        else
            await cluster.StopSiloAsync(cluster.Primary);      // a graceful stop: the worker cancels its solve
        await cluster.StartSiloAsync();
        // Nothing calls the job: its reminder wakes it, and it finds its attempt gone with the old silo's worker.
        var ledgers = cluster.Client.GetGrain<ICostGrain>(jobId);
        await SchedulingCluster.WaitUntilAsync(async () => (await ledgers.GetLedgerAsync()).Entries.Count > 0, TimeSpan.FromSeconds(30));
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(jobId);
        await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();
        var ledger = await ledgers.GetLedgerAsync();
        var budget = await cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync();

        Assert.Equal(2, slow.Started);
        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal(1, done.Transitions.Count(static t => t.State == JobState.Completed));
        var attempt = Assert.Single(done.Attempts);
        Assert.Equal((1, AttemptResultKind.Solved), (attempt.Number, attempt.Outcome!.Value));
        Assert.Equal(cluster.Primary.Name, attempt.Worker);
        Assert.All(ledger.Entries, static e => Assert.Equal(1, e.Attempt));
        Assert.Equal(ledger.Entries.Count, ledger.Entries.Select(static e => e.EntryId).Distinct().Count());
        Assert.Equal(ledger.Total, budget.SpentTotal);
        Assert.Equal((0m, 0), (budget.Reserved, budget.OpenReservations));
    }

    /// <summary>An ended job does not record that it closed its budget (closing is idempotent): after a restart it closes
    /// again, and that must change neither the budget nor the job.</summary>
    [Fact]
    public async Task An_ended_job_closing_again_after_a_restart_changes_neither_the_budget_nor_the_job()
    {
        await using var cluster = SchedulingCluster.Builder().UseSqliteStorage(_data).Build();
        await cluster.DeployAsync();
        var submission = SchedulingCluster.Submission("team-with-skills.json");
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await job.SubmitAsync(submission);
        await SchedulingCluster.WatchToEndAsync(job);
        var ended = await job.GetStatusAsync();
        var budgetGrain = cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant);
        var before = await budgetGrain.GetStatusAsync();

        await cluster.StopSiloAsync(cluster.Primary);
        await cluster.StartSiloAsync();
        job = cluster.Client.GetGrain<ISchedulingJobGrain>(ended.JobId);
        var reactivated = await job.GetStatusAsync();   // activation schedules the end duties again
        await Task.Delay(TimeSpan.FromSeconds(1));
        var again = await job.GetStatusAsync();
        var after = await cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync();
        var ledger = await cluster.Client.GetGrain<ICostGrain>(ended.JobId).GetLedgerAsync();

        Assert.Equal(JobState.Completed, again.State);
        Assert.True(ledger.Total > 0);
        Assert.Equal((ledger.Total, ledger.Total, ledger.Total), (ended.ActualCost, reactivated.ActualCost, again.ActualCost));
        Assert.Equal((before.SpentTotal, before.Reserved, before.OpenReservations), (after.SpentTotal, after.Reserved, after.OpenReservations));
        Assert.Equal(ledger.Total, after.SpentTotal);
        Assert.Equal(ended.Transitions.Count, again.Transitions.Count);
    }
}
