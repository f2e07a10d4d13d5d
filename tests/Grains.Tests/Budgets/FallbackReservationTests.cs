using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;

namespace QuantumScheduler.Grains.Tests.Budgets;

public sealed class FallbackReservationTests
{
    private const string FlakyThenSlow = "flaky-then-slow";

    /// <summary>
    /// Prices: 0.00005 per core-second (the default), 1 s per attempt, so an attempt is estimated at 0.00005 and the job
    /// reserves three of them at submit (the retry policy's attempts on its costliest backend). Three failures that
    /// each use their whole second spend about 0.00015; the fallback would need 0.00005 more, beyond the daily limit
    /// of 0.000195. Without raising the reservation first, the fallback would run and spend about 0.0002. The limit
    /// leaves room for attempts that take up to 1.45 s each on a loaded machine (the third attempt must still fit).
    /// </summary>
    [Fact]
    public async Task A_fallback_beyond_the_reservation_raises_it_first_and_when_the_budget_refuses_the_job_fails_without_overspending()
    {
        const decimal dailyLimit = 0.000195m;
        var flaky = new FaultInjectionBackend("flaky", failures: int.MaxValue, failLate: true);
        var slow = new SlowBackend();
        await using var cluster = await SchedulingCluster.Builder(flaky, slow)
            .ConfigureSilo(silo => silo.Services.AddSingleton<IBackendSelector>(new FixedRankingSelector(FlakyThenSlow, "flaky", SlowBackend.BackendName)))
            .Build().DeployAndReturnAsync();
        var submission = SchedulingCluster.Submission("gap-like.json", backend: FlakyThenSlow, seconds: 1);
        var budget = cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant);
        await budget.ConfigureAsync(new BudgetLimits { Daily = dailyLimit });
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());

        var submitted = await job.SubmitAsync(submission);
        await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();
        var status = await budget.GetStatusAsync();
        var ledger = await cluster.Client.GetGrain<ICostGrain>(done.JobId).GetLedgerAsync();

        Assert.Equal(0.00015m, submitted.EstimatedCost);
        Assert.Equal(JobState.Failed, done.State);
        Assert.Contains($"the attempt on {SlowBackend.BackendName} was not started: Budget \"{submission.Tenant}\"", done.Error);
        Assert.Contains("daily limit of 0.000195", done.Error);
        Assert.Equal(["flaky", "flaky", "flaky"], done.Attempts.Select(static a => a.Backend));
        Assert.Equal(0, slow.Started);
        Assert.True(status.SpentTotal <= dailyLimit, $"spent {status.SpentTotal}, over the hard limit {dailyLimit}");
        Assert.Equal(ledger.Total, status.SpentTotal);
        Assert.Equal(0m, status.Reserved);
    }
}
