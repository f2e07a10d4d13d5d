namespace QuantumScheduler.Grains.Configuration;

/// <summary>Budget limits applied to a tenant's budget until it is configured through the API, bound from
/// <c>QuantumScheduler:Budgets</c>.</summary>
public sealed class BudgetOptions
{
    public const string SectionName = "QuantumScheduler:Budgets";

    /// <summary>Default daily limit; null (default) = unlimited.</summary>
    public decimal? DefaultDailyLimit { get; set; }

    /// <summary>Default monthly limit; null (default) = unlimited.</summary>
    public decimal? DefaultMonthlyLimit { get; set; }

    /// <summary>Alert thresholds in percent of a limit. Default 50, 80, 100.</summary>
    public List<int> AlertThresholds { get; set; } = [50, 80, 100];
}
