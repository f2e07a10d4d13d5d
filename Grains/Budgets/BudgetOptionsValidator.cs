using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Budgets;

/// <summary>Checks <see cref="BudgetOptions"/> at start and names every bad value in one message.</summary>
public sealed class BudgetOptionsValidator : IValidateOptions<BudgetOptions>
{
    private const string Section = BudgetOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, BudgetOptions options)
    {
        var problems = new List<string>();
        if (options.DefaultDailyLimit < 0)
            problems.Add($"{Section}:DefaultDailyLimit must not be negative (was {options.DefaultDailyLimit})");
        if (options.DefaultMonthlyLimit < 0)
            problems.Add($"{Section}:DefaultMonthlyLimit must not be negative (was {options.DefaultMonthlyLimit})");
        foreach (var threshold in options.AlertThresholds.Where(static threshold => threshold is <= 0 or > 1000))
            problems.Add($"{Section}:AlertThresholds must be percentages between 1 and 1000 (was {threshold})");
        if (options.AlertThresholds.Distinct().Count() != options.AlertThresholds.Count)
            problems.Add($"{Section}:AlertThresholds must not repeat a value (was {string.Join(", ", options.AlertThresholds)})");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
