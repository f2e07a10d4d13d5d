using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Persistence;

namespace QuantumScheduler.Grains.Budgets;

/// <summary>
/// One tenant's budget. Refusal looks ahead: a reservation is refused when, in a period with a hard limit, settled spend
/// + open reservations + the new reservation would exceed the limit. Alerts look back: they fire on settled spend only,
/// once per (period, threshold). Each call decides and changes the state without awaiting in between, so concurrent
/// reservations are decided in turn and can never overspend together.
/// </summary>
/// <remarks>Every tenant's jobs reserve and settle here, so this grain is hot: it is reentrant so that calls arriving while its
/// state is being written share the next write (<see cref="CoalescedStateWriter"/>) instead of queueing for one write
/// each. Its only awaits are those writes, so decisions stay one at a time; a call answers only once a write holding its
/// change is durable.</remarks>
[GrainType("budget")]
[Reentrant]
public sealed class BudgetGrain(
    [PersistentState("budget")] IPersistentState<BudgetState> budget,
    IOptions<BudgetOptions> options,
    ResourcePricing pricing,
    TimeProvider clock,
    ILogger<BudgetGrain> logger)
    : Grain, IBudgetGrain
{
    private readonly CoalescedStateWriter _writes = new(() => budget.WriteStateAsync());

    private BudgetState State => budget.State;

    private string Tenant => this.GetPrimaryKeyString();

    private BudgetLimits Limits => State.Limits ?? new BudgetLimits
    {
        Daily = options.Value.DefaultDailyLimit,
        Monthly = options.Value.DefaultMonthlyLimit,
        Currency = pricing.Currency,
    };

    public async Task<BudgetSnapshot> ConfigureAsync(BudgetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        if (limits.Daily < 0)
            problems.Add($"Daily must not be negative (was {limits.Daily})");
        if (limits.Monthly < 0)
            problems.Add($"Monthly must not be negative (was {limits.Monthly})");
        if (string.IsNullOrWhiteSpace(limits.Currency))
            problems.Add("Currency must be set");
        if (problems.Count != 0)
            throw new ArgumentException($"Invalid limits for budget \"{Tenant}\": {string.Join("; ", problems)}.", nameof(limits));

        State.Limits = limits;
        await SaveAsync();
        return Snapshot(new BudgetCalendar(clock.GetUtcNow()));
    }

    public async Task<BudgetReservation> ReserveAsync(string jobId, decimal amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (amount < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Job {jobId} cannot reserve a negative amount on budget \"{Tenant}\".");
        if (State.Reservations.TryGetValue(jobId, out var existing))
        {
            await _writes.WhenDurableAsync();
            return existing;
        }
        if (State.Settled.TryGetValue(jobId, out var settled))
            return new BudgetReservation(jobId, 0m, settled.At);

        var calendar = new BudgetCalendar(clock.GetUtcNow());
        EnsureRoomFor(jobId, amount, calendar);
        var reservation = new BudgetReservation(jobId, amount, calendar.Now);
        State.Reservations[jobId] = reservation;
        await SaveAsync();
        return reservation;
    }

    public async Task<BudgetReservation> RaiseReservationAsync(string jobId, decimal total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (!State.Reservations.TryGetValue(jobId, out var existing))
            throw new InvalidOperationException($"Job {jobId} holds no reservation on budget \"{Tenant}\" to raise (never reserved, or already settled or released).");
        if (total <= existing.Amount)
        {
            await _writes.WhenDurableAsync();
            return existing;
        }

        var calendar = new BudgetCalendar(clock.GetUtcNow());
        EnsureRoomFor(jobId, total - existing.Amount, calendar);
        var raised = existing with { Amount = total };
        State.Reservations[jobId] = raised;
        await SaveAsync();
        return raised;
    }

    /// <summary>Refuses <paramref name="amount"/> more for <paramref name="jobId"/> when, in a period with a hard limit,
    /// settled spend + open reservations + the amount would exceed the limit.</summary>
    /// <exception cref="BudgetExceededException">Names the budget, the job, the period, the limit and the amounts.</exception>
    private void EnsureRoomFor(string jobId, decimal amount, BudgetCalendar calendar)
    {
        var limits = Limits;
        if (!limits.Hard)
            return;
        EnsureWithin("daily", calendar.DayName, limits.Daily, SpentToday(calendar));
        EnsureWithin("monthly", calendar.MonthName, limits.Monthly, SpentThisMonth(calendar));

        void EnsureWithin(string period, string periodName, decimal? limit, decimal spent)
        {
            var reserved = Reserved;
            if (limit is not { } max || spent + reserved + amount <= max)
                return;
            var currency = limits.Currency;
            throw new BudgetExceededException(
                $"Budget \"{Tenant}\": job {jobId} needs {amount} {currency}, which would exceed the {period} limit of {max} {currency} " +
                $"for {periodName} (spent {spent} {currency}, reserved {reserved} {currency}, requested {amount} {currency}; " +
                $"{Math.Max(0m, max - spent - reserved)} {currency} left).");
        }
    }

    public async Task<BudgetSnapshot> SettleAsync(string jobId, decimal actualAmount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (actualAmount < 0)
            throw new ArgumentOutOfRangeException(nameof(actualAmount), actualAmount, $"Job {jobId} cannot settle a negative amount on budget \"{Tenant}\".");
        var calendar = new BudgetCalendar(clock.GetUtcNow());
        if (State.Settled.ContainsKey(jobId))
        {
            await _writes.WhenDurableAsync();
            return Snapshot(calendar);
        }

        State.Reservations.Remove(jobId);
        State.Settled[jobId] = new SettledCharge(actualAmount, calendar.Now);
        return await SpendAsync(actualAmount, calendar);
    }

    public async Task<BudgetSnapshot> SettleReservationAsync(string jobId, decimal actualAmount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (actualAmount < 0)
            throw new ArgumentOutOfRangeException(nameof(actualAmount), actualAmount, $"Job {jobId} cannot settle a negative amount on budget \"{Tenant}\".");
        var calendar = new BudgetCalendar(clock.GetUtcNow());
        // No record per job: at hundreds of jobs a second one would make every write of this state longer.
        if (!State.Reservations.Remove(jobId))
        {
            await _writes.WhenDurableAsync();
            return Snapshot(calendar);
        }
        return await SpendAsync(actualAmount, calendar);
    }

    private async Task<BudgetSnapshot> SpendAsync(decimal amount, BudgetCalendar calendar)
    {
        State.SpentByDay[calendar.Today.DayNumber] = State.SpentByDay.GetValueOrDefault(calendar.Today.DayNumber) + amount;
        State.SpentTotal += amount;
        RaiseAlerts(calendar);
        Prune(calendar);
        await SaveAsync();
        return Snapshot(calendar);
    }

    public async Task<BudgetSnapshot> ReleaseAsync(string jobId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        if (State.Reservations.Remove(jobId))
            await SaveAsync();
        else
            await _writes.WhenDurableAsync();
        return Snapshot(new BudgetCalendar(clock.GetUtcNow()));
    }

    /// <summary>Writes the state, sharing the write with concurrent calls. A failed write leaves changes in memory that
    /// are not stored (and whose callers were told so): the grain deactivates to reload what is stored.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await _writes.WriteAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<BudgetSnapshot> GetStatusAsync() => Task.FromResult(Snapshot(new BudgetCalendar(clock.GetUtcNow())));

    private decimal Reserved => State.Reservations.Values.Sum(static reservation => reservation.Amount);

    private decimal SpentToday(BudgetCalendar calendar) => State.SpentByDay.GetValueOrDefault(calendar.Today.DayNumber);

    private decimal SpentThisMonth(BudgetCalendar calendar) =>
        State.SpentByDay.Where(day => calendar.IsThisMonth(day.Key)).Sum(static day => day.Value);

    private void RaiseAlerts(BudgetCalendar calendar)
    {
        var limits = Limits;
        Raise(calendar.DayKey, limits.Daily, SpentToday(calendar));
        Raise(calendar.MonthKey, limits.Monthly, SpentThisMonth(calendar));

        void Raise(string period, decimal? limit, decimal spent)
        {
            if (limit is not { } max)
                return;
            foreach (var threshold in options.Value.AlertThresholds.Order())
            {
                if (spent < max * threshold / 100m || State.Alerts.Exists(alert => alert.Period == period && alert.ThresholdPercent == threshold))
                    continue;
                State.Alerts.Add(new BudgetAlert(period, threshold, spent, max, calendar.Now));
                logger.LogWarning("Budget {Tenant} reached {Threshold} % of its {Period} limit: spent {Spent} of {Limit} {Currency}",
                    Tenant, threshold, period, spent, max, limits.Currency);
            }
        }
    }

    private void Prune(BudgetCalendar calendar)
    {
        var keepFrom = calendar.FirstOfPreviousMonth;
        var keepFromTime = new DateTimeOffset(keepFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        foreach (var day in State.SpentByDay.Keys.Where(day => day < keepFrom.DayNumber).ToArray())
            State.SpentByDay.Remove(day);
        foreach (var job in State.Settled.Where(job => job.Value.At < keepFromTime).Select(static job => job.Key).ToArray())
            State.Settled.Remove(job);
        State.Alerts.RemoveAll(alert => alert.At < keepFromTime);
    }

    private BudgetSnapshot Snapshot(BudgetCalendar calendar)
    {
        var spentThisMonth = SpentThisMonth(calendar);
        return new BudgetSnapshot
        {
            Tenant = Tenant,
            Limits = Limits,
            SpentToday = SpentToday(calendar),
            SpentThisMonth = spentThisMonth,
            Reserved = Reserved,
            SpentTotal = State.SpentTotal,
            Alerts = State.Alerts.Where(alert => alert.Period == calendar.DayKey || alert.Period == calendar.MonthKey).ToArray(),
            ForecastMonthEnd = Forecast(calendar, spentThisMonth),
            OpenReservations = State.Reservations.Count,
        };
    }

    /// <summary>
    /// Straight-line month-end forecast: this month's spend per elapsed day × the days of the month. The elapsed time
    /// counts as at least one day, so an early-morning spike on the 1st is not multiplied by ~30 × 24.
    /// </summary>
    private decimal Forecast(BudgetCalendar calendar, decimal spentThisMonth) =>
        pricing.Round(spentThisMonth / Math.Max(1m, calendar.ElapsedDaysOfMonth) * calendar.DaysInMonth);
}
