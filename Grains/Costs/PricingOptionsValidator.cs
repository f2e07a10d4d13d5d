using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Costs;

/// <summary>Checks <see cref="PricingOptions"/> at start and names every bad value in one message.</summary>
public sealed class PricingOptionsValidator : IValidateOptions<PricingOptions>
{
    private const string Section = PricingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Currency))
            problems.Add($"{Section}:Currency must be set");
        if (options.DecimalPlaces is < 0 or > 28)
            problems.Add($"{Section}:DecimalPlaces must be between 0 and 28 (was {options.DecimalPlaces})");
        CheckPrice($"{Section}:CoreSecond", options.CoreSecond);
        CheckPrice($"{Section}:QubitSecond", options.QubitSecond);
        CheckPrice($"{Section}:Shot", options.Shot);
        foreach (var (backend, prices) in options.Backends)
        {
            CheckPrice($"{Section}:Backends:{backend}:CoreSecond", prices.CoreSecond);
            CheckPrice($"{Section}:Backends:{backend}:QubitSecond", prices.QubitSecond);
            CheckPrice($"{Section}:Backends:{backend}:Shot", prices.Shot);
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void CheckPrice(string key, decimal? price)
        {
            if (price < 0)
                problems.Add($"{key} must not be negative (was {price})");
        }
    }
}
