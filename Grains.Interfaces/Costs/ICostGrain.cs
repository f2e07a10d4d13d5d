using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Costs;

/// <summary>
/// The spend ledger of one job (key: job id): one entry per attempt, backend and resource, priced from configuration.
/// Entries are idempotent by <see cref="CostEntry.EntryId"/>, so a retried or resumed job is never charged twice.
/// </summary>
public interface ICostGrain : IGrainWithStringKey
{
    /// <summary>Adds the entry unless one with the same id exists; returns the ledger.</summary>
    Task<CostLedger> RecordAsync(CostEntry entry);

    /// <summary>Adds every entry whose id is new, in one write (an attempt's charges land together or not at all), and
    /// names the ledger's tenant if it has none yet; returns the ledger.</summary>
    Task<CostLedger> RecordAllAsync(string? tenant, IReadOnlyList<CostEntry> entries);

    [ReadOnly]
    Task<CostLedger> GetLedgerAsync();
}

[GenerateSerializer]
public enum CostResource
{
    CoreSeconds = 0,
    QubitSeconds = 1,
    Shots = 2,
}

[GenerateSerializer]
public sealed record CostEntry
{
    /// <summary>Idempotency key, e.g. <c>attempt-2/core-seconds</c>.</summary>
    [Id(0)] public required string EntryId { get; init; }
    [Id(1)] public required int Attempt { get; init; }
    [Id(2)] public required string Backend { get; init; }
    [Id(3)] public required CostResource Resource { get; init; }
    [Id(4)] public required decimal Quantity { get; init; }
    [Id(5)] public required decimal UnitPrice { get; init; }
    /// <summary>Quantity × unit price, rounded to the currency's minor unit by the pricing rules.</summary>
    [Id(6)] public required decimal Amount { get; init; }
    [Id(7)] public DateTimeOffset At { get; init; }
}

[GenerateSerializer]
public sealed record CostLedger
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public string? Tenant { get; init; }
    [Id(2)] public IReadOnlyList<CostEntry> Entries { get; init; } = [];
    [Id(3)] public decimal Total { get; init; }
    [Id(4)] public string Currency { get; init; } = "USD";
}
