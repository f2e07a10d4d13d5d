using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Costs;

/// <summary>
/// One job's ledger. An entry is kept once per <see cref="CostEntry.EntryId"/>: a repeated id is ignored (the first
/// recording wins), so reports that are retried or replayed after a restart never charge twice. The total is the exact
/// decimal sum of the entries' amounts.
/// </summary>
[GrainType("cost")]
public sealed class CostGrain([PersistentState("ledger")] IPersistentState<CostLedgerState> ledger, ResourcePricing pricing)
    : Grain, ICostGrain
{
    public Task<CostLedger> RecordAsync(CostEntry entry) => RecordAllAsync(null, [entry]);

    public async Task<CostLedger> RecordAllAsync(string? tenant, IReadOnlyList<CostEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
            Validate(entry);

        var state = ledger.State;
        var changed = false;
        if (tenant is not null && state.Tenant is null)
        {
            state.Tenant = tenant;
            changed = true;
        }
        foreach (var entry in entries)
        {
            if (state.Entries.Exists(existing => existing.EntryId == entry.EntryId))
                continue;
            state.Entries.Add(entry);
            changed = true;
        }
        if (changed)
            await ledger.WriteStateAsync();
        return Snapshot();
    }

    public Task<CostLedger> GetLedgerAsync() => Task.FromResult(Snapshot());

    private CostLedger Snapshot() => new()
    {
        JobId = this.GetPrimaryKeyString(),
        Tenant = ledger.State.Tenant,
        Entries = ledger.State.Entries.ToArray(),
        Total = ledger.State.Entries.Sum(static entry => entry.Amount),
        Currency = pricing.Currency,
    };

    private static void Validate(CostEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.EntryId))
            throw new ArgumentException("A cost entry needs an EntryId (its idempotency key, e.g. \"attempt-1/core-seconds\").", nameof(entry));
        if (entry.Quantity < 0 || entry.UnitPrice < 0 || entry.Amount < 0)
            throw new ArgumentException(
                $"Cost entry \"{entry.EntryId}\" has a negative quantity, unit price or amount ({entry.Quantity} × {entry.UnitPrice} = {entry.Amount}).", nameof(entry));
    }
}

/// <summary>The stored ledger of one job.</summary>
[GenerateSerializer]
public sealed class CostLedgerState
{
    [Id(0)] public string? Tenant { get; set; }
    [Id(1)] public List<CostEntry> Entries { get; set; } = [];
}
