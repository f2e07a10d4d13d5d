using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Tests.Costs;

namespace QuantumScheduler.Grains.Tests.Budgets;

/// <summary>Each test gets its own silo (xunit creates the class per test) on a fake clock starting 2026-11-11 00:00 UTC.</summary>
public sealed class BudgetGrainTests : IAsyncLifetime
{
    private BillingCluster _billing = null!;

    public async Task InitializeAsync() => _billing = await BillingCluster.StartAsync(new Dictionary<string, string?>
    {
        ["QuantumScheduler:Budgets:DefaultDailyLimit"] = "25",
    });

    public async Task DisposeAsync() => await _billing.DisposeAsync();

    private IBudgetGrain Budget(string tenant) => _billing.Grains.GetGrain<IBudgetGrain>(tenant);

    [Fact]
    public async Task A_reservation_is_idempotent_per_job()
    {
        var budget = Budget("reserve-twice");

        var first = await budget.ReserveAsync("job-1", 5m);
        var again = await budget.ReserveAsync("job-1", 7m);
        await budget.ReserveAsync("job-2", 1.5m);
        var status = await budget.GetStatusAsync();

        Assert.Equal(first, again);
        Assert.Equal(5m, again.Amount);
        Assert.Equal(6.5m, status.Reserved);
        Assert.Equal(2, status.OpenReservations);
    }

    [Fact]
    public async Task A_reservation_is_raised_only_upwards_only_within_the_hard_limit_and_only_while_open()
    {
        var budget = Budget("raise");
        await budget.ReserveAsync("job-1", 5m);
        await budget.ReserveAsync("job-2", 10m);

        var raised = await budget.RaiseReservationAsync("job-1", 8m);
        var unchanged = await budget.RaiseReservationAsync("job-1", 6m);
        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => budget.RaiseReservationAsync("job-1", 16m));
        await budget.SettleAsync("job-2", 9m);
        var settled = await Assert.ThrowsAsync<InvalidOperationException>(() => budget.RaiseReservationAsync("job-2", 12m));
        var status = await budget.GetStatusAsync();

        Assert.Equal((8m, 8m), (raised.Amount, unchanged.Amount));
        Assert.Contains("job job-1 needs 8", refused.Message); // 16 asked, 8 held: 8 more, over the 25 limit with 10 reserved
        Assert.Contains("holds no reservation", settled.Message);
        Assert.Equal((8m, 9m), (status.Reserved, status.SpentTotal));
    }

    [Fact]
    public async Task Settling_replaces_the_reservation_once_and_release_only_drops_open_reservations()
    {
        var budget = Budget("settle");
        await budget.ReserveAsync("job-1", 5m);
        await budget.ReserveAsync("job-2", 3m);

        await budget.SettleAsync("job-1", 4.25m);
        await budget.SettleAsync("job-1", 4.25m);
        await budget.SettleAsync("job-1", 99m);
        await budget.ReleaseAsync("job-1");
        await budget.ReleaseAsync("job-2");
        var status = await budget.ReleaseAsync("job-2");

        Assert.Equal(4.25m, status.SpentToday);
        Assert.Equal(4.25m, status.SpentThisMonth);
        Assert.Equal(4.25m, status.SpentTotal);
        Assert.Equal(0m, status.Reserved);
        Assert.Equal(0, status.OpenReservations);
        Assert.Equal(0m, (await budget.ReserveAsync("job-1", 5m)).Amount); // a settled job reserves nothing more
    }

    [Fact]
    public async Task Settling_a_reservation_charges_once_and_without_a_reservation_charges_nothing()
    {
        var budget = Budget("settle-reservation");
        await budget.ReserveAsync("job-1", 5m);

        await budget.SettleReservationAsync("job-1", 4.5m);
        await budget.SettleReservationAsync("job-1", 4.5m); // a resumed job settles again
        await budget.SettleReservationAsync("never-reserved", 7m);
        var status = await budget.GetStatusAsync();

        Assert.Equal((4.5m, 0m, 0), (status.SpentTotal, status.Reserved, status.OpenReservations));
    }

    [Fact]
    public async Task Spend_is_counted_by_utc_calendar_day_and_month()
    {
        var budget = Budget("calendar");
        await budget.SettleAsync("job-1", 2m);
        _billing.Clock.Advance(TimeSpan.FromHours(23.5)); // 2026-11-11 23:30

        await budget.SettleAsync("job-2", 3m);
        var sameDay = await budget.GetStatusAsync();
        _billing.Clock.Advance(TimeSpan.FromHours(1)); // 2026-11-12 00:30
        var nextDay = await budget.SettleAsync("job-3", 1m);
        _billing.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero));
        var nextMonth = await budget.GetStatusAsync();

        Assert.Equal((5m, 5m), (sameDay.SpentToday, sameDay.SpentThisMonth));
        Assert.Equal((1m, 6m), (nextDay.SpentToday, nextDay.SpentThisMonth));
        Assert.Equal((0m, 0m, 6m), (nextMonth.SpentToday, nextMonth.SpentThisMonth, nextMonth.SpentTotal));
    }

    [Fact]
    public async Task Alerts_fire_at_50_80_and_100_percent_once_each_per_period()
    {
        var budget = Budget("alerts");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 100m, Monthly = 1000m });

        var seen = new List<int>();
        foreach (var (job, amount) in new[] { ("a", 40m), ("b", 15m), ("c", 10m), ("d", 20m), ("e", 15m), ("f", 5m), ("g", 1m) })
        {
            var status = await budget.SettleAsync(job, amount);
            seen.Add(status.Alerts.Count(static alert => alert.Period.StartsWith("daily:", StringComparison.Ordinal)));
        }
        var alerts = (await budget.GetStatusAsync()).Alerts;

        Assert.Equal([0, 1, 1, 2, 3, 3, 3], seen); // 40, 55 (50 %), 65, 85 (80 %), 100 (100 %), 105, 106
        Assert.Equal([50, 80, 100], alerts.Where(static a => a.Period == "daily:2026-11-11").Select(static a => a.ThresholdPercent));
        var fifty = alerts.Single(static a => a.ThresholdPercent == 50);
        Assert.Equal((55m, 100m), (fifty.Spent, fifty.Limit));
        Assert.DoesNotContain(alerts, static a => a.Period.StartsWith("monthly:", StringComparison.Ordinal)); // 106 of 1000 < 50 %

        _billing.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await budget.SettleAsync("h", 60m);
        Assert.Equal(["daily:2026-11-12:50"], tomorrow.Alerts.Select(static a => $"{a.Period}:{a.ThresholdPercent}"));
    }

    [Fact]
    public async Task The_month_end_forecast_extrapolates_this_months_daily_rate()
    {
        var budget = Budget("forecast");
        await budget.SettleAsync("job-1", 100m); // 2026-11-11 00:00: ten days of November have passed

        var status = await budget.GetStatusAsync();
        _billing.Clock.Advance(TimeSpan.FromDays(5));
        var later = await budget.GetStatusAsync();

        Assert.Equal(300m, status.ForecastMonthEnd); // 100 ÷ 10 days × 30 days
        Assert.Equal(200m, later.ForecastMonthEnd); // 100 ÷ 15 days × 30 days
    }

    [Fact]
    public async Task The_forecast_counts_at_least_one_elapsed_day()
    {
        _billing.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero));
        var status = await Budget("early-month").SettleAsync("job-1", 10m);

        Assert.Equal(280m, status.ForecastMonthEnd); // 10 per (at least) one day × 28 days of February 2027
    }

    [Fact]
    public async Task A_reservation_beyond_a_hard_limit_is_refused_naming_budget_period_limit_and_amounts()
    {
        var budget = Budget("hard");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 10m, Monthly = 100m, Currency = "EUR" });
        await budget.SettleAsync("spent", 6m);
        await budget.ReserveAsync("open", 3m);

        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => budget.ReserveAsync("too-much", 1.5m));
        var status = await budget.GetStatusAsync();

        Assert.Contains("\"hard\"", error.Message);
        Assert.Contains("daily limit of 10 EUR", error.Message);
        Assert.Contains("2026-11-11", error.Message);
        Assert.Contains("spent 6 EUR", error.Message);
        Assert.Contains("reserved 3 EUR", error.Message);
        Assert.Contains("requested 1.5 EUR", error.Message);
        Assert.Contains("too-much", error.Message);
        Assert.Equal((3m, 1), (status.Reserved, status.OpenReservations)); // nothing half-written
        Assert.Equal(1m, (await budget.ReserveAsync("fits", 1m)).Amount); // exactly up to the limit is allowed
    }

    [Fact]
    public async Task The_monthly_limit_counts_earlier_days_of_the_month()
    {
        var budget = Budget("monthly");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 50m, Monthly = 60m });
        await budget.SettleAsync("yesterday", 45m);
        _billing.Clock.Advance(TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => budget.ReserveAsync("today", 20m));

        Assert.Contains("monthly limit of 60", error.Message);
        Assert.Contains("2026-11 ", error.Message);
        Assert.Contains("spent 45", error.Message);
    }

    [Fact]
    public async Task A_soft_limit_only_alerts()
    {
        var budget = Budget("soft");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 10m, Hard = false });

        await budget.ReserveAsync("big", 50m);
        var status = await budget.SettleAsync("big", 50m);

        Assert.Equal(50m, status.SpentToday);
        Assert.Equal([50, 80, 100], status.Alerts.Select(static a => a.ThresholdPercent));
    }

    [Fact]
    public async Task Unconfigured_budgets_use_the_default_limits()
    {
        var budget = Budget("defaults");

        var status = await budget.GetStatusAsync();
        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => budget.ReserveAsync("job", 26m));

        Assert.Equal(25m, status.Limits.Daily);
        Assert.Null(status.Limits.Monthly);
        Assert.Contains("daily limit of 25 USD", error.Message);
    }

    [Fact]
    public async Task Bad_amounts_and_limits_are_refused_with_what_is_wrong()
    {
        var budget = Budget("bad-input");

        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => budget.ReserveAsync("job", -1m));
        var limits = await Assert.ThrowsAsync<ArgumentException>(() => budget.ConfigureAsync(new BudgetLimits { Daily = -1m, Monthly = -2m, Currency = "" }));

        Assert.Contains("negative", negative.Message);
        Assert.Contains("Daily", limits.Message);
        Assert.Contains("Monthly", limits.Message);
        Assert.Contains("Currency", limits.Message);
        Assert.Equal(0, (await budget.GetStatusAsync()).OpenReservations);
    }

    [Fact]
    public void The_validator_names_every_bad_budget_option()
    {
        var result = new BudgetOptionsValidator().Validate(null, new BudgetOptions
        {
            DefaultDailyLimit = -1m,
            DefaultMonthlyLimit = -5m,
            AlertThresholds = [50, 0, 50],
        });

        Assert.True(result.Failed);
        Assert.Contains("DefaultDailyLimit", result.FailureMessage);
        Assert.Contains("DefaultMonthlyLimit", result.FailureMessage);
        Assert.Contains("(was 0)", result.FailureMessage);
        Assert.Contains("must not repeat", result.FailureMessage);
    }
}

public sealed class DurableBudgetTests
{
    [Fact]
    public async Task Reservations_and_settlements_survive_a_silo_restart_and_a_replayed_settlement_is_ignored()
    {
        using var directory = new TempDirectory();
        await using var billing = await BillingCluster.StartAsync(sqliteDirectory: directory.Path);
        var budget = billing.Grains.GetGrain<IBudgetGrain>("durable");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 10m });
        await budget.ReserveAsync("settled", 4m);
        await budget.ReserveAsync("open", 2m);
        await budget.SettleAsync("settled", 3.5m);

        await billing.Cluster.RestartSiloAsync(billing.Cluster.Primary);
        budget = billing.Grains.GetGrain<IBudgetGrain>("durable");
        var replayed = await budget.SettleAsync("settled", 3.5m);
        var error = await Assert.ThrowsAsync<BudgetExceededException>(() => budget.ReserveAsync("new", 5m));

        Assert.Equal((3.5m, 3.5m, 2m, 1), (replayed.SpentToday, replayed.SpentTotal, replayed.Reserved, replayed.OpenReservations));
        Assert.Equal(10m, replayed.Limits.Daily);
        Assert.Contains("spent 3.5", error.Message);
        Assert.Contains("reserved 2", error.Message);
    }

    /// <summary>The budget grain is every tenant job's hot spot: concurrent reservations must still be decided one at a
    /// time (no overspend), each must be stored before it is acknowledged, and they must share writes (the stored
    /// version counts writes: one reservation per write would make it 1 + the accepted reservations).</summary>
    [Fact]
    public async Task Concurrent_reservations_share_writes_never_overspend_and_are_all_stored()
    {
        using var directory = new TempDirectory();
        await using var billing = await BillingCluster.StartAsync(sqliteDirectory: directory.Path);
        var budget = billing.Grains.GetGrain<IBudgetGrain>("hot");
        await budget.ConfigureAsync(new BudgetLimits { Daily = 5m });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 80).Select(async i =>
        {
            try
            {
                return (await budget.ReserveAsync($"job-{i}", 0.1m)).Amount;
            }
            catch (BudgetExceededException)
            {
                return 0m;
            }
        }));
        await billing.Cluster.RestartSiloAsync(billing.Cluster.Primary);
        var stored = await billing.Grains.GetGrain<IBudgetGrain>("hot").GetStatusAsync();
        var writes = StoredVersion(directory.Path, "budget") - 1;

        Assert.Equal(50, attempts.Count(static amount => amount > 0));
        Assert.Equal((5m, 50), (stored.Reserved, stored.OpenReservations));
        Assert.True(writes < 50, $"{writes} writes for 50 reservations: concurrent reservations did not share writes");
    }

    private static long StoredVersion(string dataDirectory, string grainType)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "quantum-scheduler.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM grain_state WHERE grain_type = $type;";
        command.Parameters.AddWithValue("$type", grainType);
        return (long)command.ExecuteScalar()!;
    }
}
