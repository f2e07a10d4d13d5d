using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Grains.Tests.Costs;

public sealed class CostGrainTests : IAsyncLifetime
{
    private BillingCluster _billing = null!;

    public async Task InitializeAsync() => _billing = await BillingCluster.StartAsync();

    public async Task DisposeAsync() => await _billing.DisposeAsync();

    private static CostEntry Entry(string id, decimal amount, int attempt = 1) => new()
    {
        EntryId = id,
        Attempt = attempt,
        Backend = "classical-tabu",
        Resource = CostResource.CoreSeconds,
        Quantity = amount,
        UnitPrice = 1m,
        Amount = amount,
    };

    [Fact]
    public async Task An_entry_recorded_twice_is_kept_once()
    {
        var ledger = _billing.Grains.GetGrain<ICostGrain>("job-twice");

        await ledger.RecordAsync(Entry("attempt-1/core-seconds", 0.1m));
        await ledger.RecordAsync(Entry("attempt-1/core-seconds", 0.1m));
        var result = await ledger.RecordAsync(Entry("attempt-1/core-seconds", 5m)); // same id, other amount: the first wins

        Assert.Equal("job-twice", result.JobId);
        Assert.Equal(0.1m, Assert.Single(result.Entries).Amount);
        Assert.Equal(0.1m, result.Total);
    }

    [Fact]
    public async Task The_total_is_the_exact_decimal_sum()
    {
        var ledger = _billing.Grains.GetGrain<ICostGrain>("job-exact");

        await ledger.RecordAsync(Entry("attempt-1/core-seconds", 0.1m));
        var result = await ledger.RecordAsync(Entry("attempt-2/core-seconds", 0.2m, attempt: 2));

        Assert.Equal(0.3m, result.Total); // 0.1 + 0.2 in double is 0.30000000000000004
        Assert.Equal(result.Total, (await ledger.GetLedgerAsync()).Total);
    }

    [Fact]
    public async Task Billing_an_attempt_again_changes_nothing_and_names_the_tenant()
    {
        var billing = _billing.Service<JobBilling>();
        var outcome = new AttemptOutcome { Attempt = 1, Kind = AttemptResultKind.Solved, Worker = "w", CoreSeconds = 12.5, Shots = 10 };

        var first = await billing.ChargeAttemptAsync("job-replayed", "acme", outcome, "classical-tabu");
        var replay = await billing.ChargeAttemptAsync("job-replayed", "acme", outcome, "classical-tabu");

        Assert.Equal("acme", replay.Tenant);
        Assert.Equal(2, replay.Entries.Count);
        Assert.Equal(first.Total, replay.Total);
        Assert.Equal(12.5m * 0.00005m + 10 * 0.000001m, replay.Total);
    }

    [Fact]
    public async Task A_malformed_entry_is_refused_and_nothing_is_recorded()
    {
        var ledger = _billing.Grains.GetGrain<ICostGrain>("job-bad");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            ledger.RecordAllAsync("acme", [Entry("attempt-1/core-seconds", 1m), Entry("attempt-1/shots", -1m)]));

        Assert.Contains("attempt-1/shots", error.Message);
        Assert.Empty((await ledger.GetLedgerAsync()).Entries);
    }

    [Fact]
    public async Task The_ledger_survives_a_silo_restart_and_stays_idempotent()
    {
        using var directory = new TempDirectory();
        await using var billing = await BillingCluster.StartAsync(sqliteDirectory: directory.Path);
        await billing.Grains.GetGrain<ICostGrain>("job-durable").RecordAllAsync("acme", [Entry("attempt-1/core-seconds", 0.25m)]);

        await billing.Cluster.RestartSiloAsync(billing.Cluster.Primary);
        var ledger = await billing.Grains.GetGrain<ICostGrain>("job-durable").RecordAllAsync("acme", [Entry("attempt-1/core-seconds", 0.25m)]);

        Assert.Equal(0.25m, ledger.Total);
        Assert.Equal("acme", ledger.Tenant);
    }
}
