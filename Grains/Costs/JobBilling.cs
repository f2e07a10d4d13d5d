using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Costs;

/// <summary>
/// How a job pays: each finished attempt is priced into the job's <see cref="ICostGrain"/> ledger, and at the end the
/// ledger's total is settled on the tenant's <see cref="IBudgetGrain"/> (replacing the reservation). Both steps are
/// idempotent, so a job that resumes after a crash may repeat them and is still charged once, and the sum of the
/// ledgers settled on a budget equals its spend exactly.
/// </summary>
public sealed class JobBilling(IGrainFactory grains, ResourcePricing pricing)
{
    /// <summary>Records the attempt's priced resources in the job's ledger.</summary>
    public Task<CostLedger> ChargeAttemptAsync(string jobId, string tenant, AttemptOutcome outcome, string backend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return grains.GetGrain<ICostGrain>(jobId).RecordAllAsync(tenant, pricing.Price(outcome, backend));
    }

    /// <summary>Closes the job's reservation on the tenant's budget once the job has ended: settles the ledger's total
    /// in its place, or releases it when the ledger is empty (the job never ran). Returns the ledger it read.</summary>
    public async Task<CostLedger> SettleAsync(string jobId, string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var ledger = await grains.GetGrain<ICostGrain>(jobId).GetLedgerAsync();
        var budget = grains.GetGrain<IBudgetGrain>(tenant);
        if (ledger.Entries.Count > 0)
            await budget.SettleReservationAsync(jobId, ledger.Total);
        else
            await budget.ReleaseAsync(jobId);
        return ledger;
    }
}
