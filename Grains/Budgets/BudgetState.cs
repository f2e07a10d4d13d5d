using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Budgets;

/// <summary>The stored state of one budget. Day buckets, settled jobs and alerts are kept for the current and the
/// previous calendar month (UTC); older ones are pruned, so the state does not grow without bound.</summary>
[GenerateSerializer]
public sealed class BudgetState
{
    /// <summary>Null until configured: the defaults of <see cref="Configuration.BudgetOptions"/> apply.</summary>
    [Id(0)] public BudgetLimits? Limits { get; set; }

    [Id(1)] public Dictionary<string, BudgetReservation> Reservations { get; set; } = [];

    /// <summary>Jobs already settled, so a repeated settlement is recognised and ignored.</summary>
    [Id(2)] public Dictionary<string, SettledCharge> Settled { get; set; } = [];

    /// <summary>Settled spend per UTC day, keyed by <see cref="DateOnly.DayNumber"/>.</summary>
    [Id(3)] public Dictionary<int, decimal> SpentByDay { get; set; } = [];

    [Id(4)] public decimal SpentTotal { get; set; }

    /// <summary>Alerts raised, oldest first; one per (period, threshold).</summary>
    [Id(5)] public List<BudgetAlert> Alerts { get; set; } = [];
}

/// <summary>A job's settled cost and when it was settled.</summary>
[GenerateSerializer]
public sealed record SettledCharge([property: Id(0)] decimal Amount, [property: Id(1)] DateTimeOffset At);
