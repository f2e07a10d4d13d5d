using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Checks <see cref="SelectionOptions"/> (configuration only; the seed's YAML has no such section).</summary>
internal sealed class SelectionOptionsValidator : IValidateOptions<SelectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SelectionOptions options)
    {
        var failures = new List<string>();
        if (options.MinSamples < 1)
            failures.Add($"{SelectionOptions.SectionName}:MinSamples must be at least 1 (was {options.MinSamples}).");
        if (!(options.ExplorationRate is >= 0 and <= 1))
            failures.Add($"{SelectionOptions.SectionName}:ExplorationRate must be between 0 and 1 (was {SchedulerOptionsValidator.Show(options.ExplorationRate)}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
