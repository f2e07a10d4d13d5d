using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Budgets;

/// <summary>
/// The spending limits of one tenant or project (key: tenant). A job's estimated cost is reserved at submit, the actual
/// cost settled at completion, the reservation released on failure or cancel. Spend and reservations together never
/// exceed a hard limit: a reservation that would is refused with <see cref="Errors.BudgetExceededException"/>.
/// Amounts are <see cref="decimal"/> in the configured currency.
/// </summary>
public interface IBudgetGrain : IGrainWithStringKey
{
    /// <summary>Sets the limits (null = unlimited for that period).</summary>
    Task<BudgetSnapshot> ConfigureAsync(BudgetLimits limits);

    /// <summary>Reserves <paramref name="amount"/> for <paramref name="jobId"/>. Idempotent per job: a second call
    /// returns the existing reservation.</summary>
    Task<BudgetReservation> ReserveAsync(string jobId, decimal amount);

    /// <summary>Raises the job's reservation to <paramref name="total"/> (no change when it holds at least that): a job about
    /// to start an attempt its reservation does not cover, e.g. a fallback after every retry. Refused like a new
    /// reservation, with <see cref="Errors.BudgetExceededException"/>, when the increase would exceed a hard limit.</summary>
    /// <exception cref="InvalidOperationException">The job holds no reservation here.</exception>
    Task<BudgetReservation> RaiseReservationAsync(string jobId, decimal total);

    /// <summary>Records <paramref name="actualAmount"/> as the job's spend, replacing its reservation if it holds one.
    /// Idempotent per job: the job is remembered as settled for the current and the previous month.</summary>
    Task<BudgetSnapshot> SettleAsync(string jobId, decimal actualAmount);

    /// <summary>Replaces the job's open reservation by its actual cost; without one (settled or released already, or
    /// never reserved) it does nothing. Idempotent through the reservation itself, so, unlike <see cref="SettleAsync"/>,
    /// it keeps no record per job: what the job pipeline uses, whose every run holds a reservation.</summary>
    Task<BudgetSnapshot> SettleReservationAsync(string jobId, decimal actualAmount);

    /// <summary>Drops the job's reservation (failed or cancelled job). Idempotent.</summary>
    Task<BudgetSnapshot> ReleaseAsync(string jobId);

    [ReadOnly]
    Task<BudgetSnapshot> GetStatusAsync();
}

[GenerateSerializer]
public sealed record BudgetLimits
{
    [Id(0)] public decimal? Daily { get; init; }
    [Id(1)] public decimal? Monthly { get; init; }
    [Id(2)] public string Currency { get; init; } = "USD";
    /// <summary>False: exceeding only raises alerts; true (default): reservations beyond a limit are refused.</summary>
    [Id(3)] public bool Hard { get; init; } = true;
}

[GenerateSerializer]
public sealed record BudgetReservation([property: Id(0)] string JobId, [property: Id(1)] decimal Amount, [property: Id(2)] DateTimeOffset At);

/// <summary>A budget's state: what is spent, what is reserved, alerts and the month-end forecast.</summary>
[GenerateSerializer]
public sealed record BudgetSnapshot
{
    [Id(0)] public required string Tenant { get; init; }
    [Id(1)] public required BudgetLimits Limits { get; init; }
    [Id(2)] public decimal SpentToday { get; init; }
    [Id(3)] public decimal SpentThisMonth { get; init; }
    [Id(4)] public decimal Reserved { get; init; }
    /// <summary>Settled spend over all time (sums every job's ledger exactly).</summary>
    [Id(5)] public decimal SpentTotal { get; init; }
    [Id(6)] public IReadOnlyList<BudgetAlert> Alerts { get; init; } = [];
    /// <summary>Month-end spend if the month goes on as it has so far.</summary>
    [Id(7)] public decimal ForecastMonthEnd { get; init; }
    [Id(8)] public int OpenReservations { get; init; }
}

/// <summary>A threshold (50, 80, 100 % of a limit) crossed in a period.</summary>
[GenerateSerializer]
public sealed record BudgetAlert([property: Id(0)] string Period, [property: Id(1)] int ThresholdPercent, [property: Id(2)] decimal Spent, [property: Id(3)] decimal Limit, [property: Id(4)] DateTimeOffset At);
