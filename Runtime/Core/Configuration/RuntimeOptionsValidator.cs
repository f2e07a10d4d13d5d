using Microsoft.Extensions.Options;

namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Checks the runtime's options at start; every problem names its configuration key.</summary>
internal sealed class RuntimeOptionsValidator :
    IValidateOptions<SiloOptions>, IValidateOptions<MessagingOptions>, IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SiloName))
            failures.Add($"{SiloOptions.SectionName}:SiloName must not be empty.");
        Positive(failures, SiloOptions.SectionName, nameof(options.ShutdownTimeout), options.ShutdownTimeout);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        Positive(failures, MessagingOptions.SectionName, nameof(options.ResponseTimeout), options.ResponseTimeout);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = new List<string>();
        var section = GrainCollectionOptions.SectionName;
        Positive(failures, section, nameof(options.CollectionAge), options.CollectionAge);
        Positive(failures, section, nameof(options.CollectionQuantum), options.CollectionQuantum);
        Positive(failures, section, nameof(options.ActivationTimeout), options.ActivationTimeout);
        Positive(failures, section, nameof(options.DeactivationTimeout), options.DeactivationTimeout);
        Positive(failures, section, nameof(options.StatelessWorkerInspectionPeriod), options.StatelessWorkerInspectionPeriod);
        return Result(failures);
    }

    private static void Positive(List<string> failures, string section, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
            failures.Add($"{section}:{key} must be a positive, finite duration (was {value}).");
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
