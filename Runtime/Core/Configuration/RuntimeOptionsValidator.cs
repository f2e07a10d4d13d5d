using Microsoft.Extensions.Options;

namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Checks the runtime's options at start; every problem names its configuration key.</summary>
internal sealed class RuntimeOptionsValidator :
    IValidateOptions<SiloOptions>, IValidateOptions<MessagingOptions>, IValidateOptions<GrainCollectionOptions>,
    IValidateOptions<EndpointOptions>, IValidateOptions<ClusterOptions>, IValidateOptions<TransportOptions>, IValidateOptions<PlacementOptions>
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

    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        var failures = new List<string>();
        var section = EndpointOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.AdvertisedHost))
            failures.Add($"{section}:AdvertisedHost must not be empty.");
        Port(failures, section, nameof(options.SiloPort), options.SiloPort);
        Port(failures, section, nameof(options.GatewayPort), options.GatewayPort);
        if (options.GatewayPort is not null && options.SiloPort is null)
            failures.Add($"{section}:GatewayPort needs {section}:SiloPort: a gateway belongs to a clustered silo.");
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Silos.Count; i++)
        {
            if (!Networking.SiloEndpoint.TryParse(options.Silos[i], out _))
                failures.Add($"{ClusterOptions.SectionName}:Silos:{i} must be host:port with a port from 1 to 65535 (was \"{options.Silos[i]}\").");
        }
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, TransportOptions options)
    {
        var failures = new List<string>();
        var section = TransportOptions.SectionName;
        if (options.SendQueueCapacity < 1)
            failures.Add($"{section}:SendQueueCapacity must be at least 1 (was {options.SendQueueCapacity}).");
        if (options.MaxFrameSize < 1024)
            failures.Add($"{section}:MaxFrameSize must be at least 1024 bytes (was {options.MaxFrameSize}).");
        if (options.MaxForwardCount < 0)
            failures.Add($"{section}:MaxForwardCount must not be negative (was {options.MaxForwardCount}).");
        if (options.DirectoryCacheSize < 1)
            failures.Add($"{section}:DirectoryCacheSize must be at least 1 (was {options.DirectoryCacheSize}).");
        Positive(failures, section, nameof(options.ConnectTimeout), options.ConnectTimeout);
        Positive(failures, section, nameof(options.ReconnectBaseDelay), options.ReconnectBaseDelay);
        Positive(failures, section, nameof(options.ReconnectMaxDelay), options.ReconnectMaxDelay);
        Positive(failures, section, nameof(options.LeaveTimeout), options.LeaveTimeout);
        Positive(failures, section, nameof(options.StatisticsPeriod), options.StatisticsPeriod);
        if (options.ReconnectMaxDelay < options.ReconnectBaseDelay)
            failures.Add($"{section}:ReconnectMaxDelay ({options.ReconnectMaxDelay}) must not be below {section}:ReconnectBaseDelay ({options.ReconnectBaseDelay}).");
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, PlacementOptions options) =>
        PlacementStrategies.All.Contains(options.DefaultStrategy, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PlacementOptions.SectionName}:DefaultStrategy must be one of {string.Join(", ", PlacementStrategies.All)} (was \"{options.DefaultStrategy}\").");

    private static void Port(List<string> failures, string section, string key, int? port)
    {
        if (port is < 0 or > 65535)
            failures.Add($"{section}:{key} must be from 0 (any free port) to 65535 (was {port}).");
    }

    private static void Positive(List<string> failures, string section, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
            failures.Add($"{section}:{key} must be a positive, finite duration (was {value}).");
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
