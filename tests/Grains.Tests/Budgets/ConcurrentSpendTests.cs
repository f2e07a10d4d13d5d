using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Costs;

namespace QuantumScheduler.Grains.Tests.Budgets;

public sealed class ConcurrentSpendTests
{
    private const int Jobs = 200;
    private const decimal DailyLimit = 20m;

    /// <summary>
    /// 200 jobs race on one budget from the thread pool, each going the way a job goes: estimate and reserve at submit,
    /// charge its attempts (a retried attempt's report arrives twice), then settle its ledger, or release when refused
    /// work never ran. The budget must refuse what does not fit, never go over the limit, and end with a spend equal to
    /// the sum of the ledgers to the last decimal place.
    /// </summary>
    [Fact]
    public async Task Two_hundred_concurrent_jobs_never_overspend_and_the_ledgers_add_up_to_the_spend_exactly()
    {
        await using var billing = await BillingCluster.StartAsync(new Dictionary<string, string?>
        {
            ["QuantumScheduler:Pricing:CoreSecond"] = "0.0500007",
        });
        var budget = billing.Grains.GetGrain<IBudgetGrain>("race");
        await budget.ConfigureAsync(new BudgetLimits { Daily = DailyLimit });
        var pricing = billing.Service<ResourcePricing>();
        var jobBilling = billing.Service<JobBilling>();
        var random = new Random(6);
        var plans = Enumerable.Range(0, Jobs).Select(i => (
            JobId: $"job-{i:D3}",
            TimeLimit: TimeSpan.FromSeconds(random.Next(2, 12)),
            Attempts: random.Next(1, 3),
            UsedFraction: random.NextDouble(),
            RunsAtAll: i % 10 != 0)).ToArray();

        var committed = new System.Collections.Concurrent.ConcurrentBag<decimal>(); // spent + reserved, seen between the racing calls
        var results = await Task.WhenAll(plans.Select(plan => Task.Run(async () =>
        {
            var estimate = pricing.Estimate("classical-tabu", problemSize: 40, plan.TimeLimit, threads: 1);
            try
            {
                await budget.ReserveAsync(plan.JobId, estimate);
                var seen = await budget.GetStatusAsync();
                committed.Add(seen.SpentToday + seen.Reserved);
            }
            catch (BudgetExceededException)
            {
                return false;
            }
            if (!plan.RunsAtAll)
            {
                await budget.ReleaseAsync(plan.JobId);
                return true;
            }
            for (var attempt = 1; attempt <= plan.Attempts; attempt++)
            {
                // The attempts share the time limit; each reports its core-seconds (one report is retried).
                var outcome = new AttemptOutcome
                {
                    Attempt = attempt,
                    Kind = attempt == plan.Attempts ? AttemptResultKind.Solved : AttemptResultKind.Failed,
                    Worker = "worker-1",
                    CoreSeconds = plan.TimeLimit.TotalSeconds * plan.UsedFraction / plan.Attempts,
                };
                await jobBilling.ChargeAttemptAsync(plan.JobId, "race", outcome, "classical-tabu");
                await jobBilling.ChargeAttemptAsync(plan.JobId, "race", outcome, "classical-tabu");
            }
            await jobBilling.SettleAsync(plan.JobId, "race");
            await jobBilling.SettleAsync(plan.JobId, "race"); // a resumed job settles again
            return true;
        })));

        var status = await budget.GetStatusAsync();
        var ledgers = await Task.WhenAll(plans.Select(plan => billing.Grains.GetGrain<ICostGrain>(plan.JobId).GetLedgerAsync()));
        var ledgerSum = ledgers.Sum(static ledger => ledger.Total);

        Assert.Contains(results, static accepted => accepted);
        Assert.Contains(results, static accepted => !accepted);
        Assert.True(status.SpentToday <= DailyLimit, $"spent {status.SpentToday} > limit {DailyLimit}");
        Assert.True(committed.Max() <= DailyLimit, $"spent + reserved reached {committed.Max()} > limit {DailyLimit}");
        Assert.Equal(ledgerSum, status.SpentTotal);
        Assert.Equal(ledgerSum, status.SpentToday);
        Assert.Equal(0m, status.Reserved);
        Assert.Equal(0, status.OpenReservations);
        Assert.All(ledgers.Where(static l => l.Entries.Count != 0), static l => Assert.Equal("race", l.Tenant));
        Assert.Empty(ledgers.Where((ledger, i) => !plans[i].RunsAtAll && ledger.Entries.Count != 0));
    }
}
