namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>
/// What one source (the YAML file, the environment) contributes: configuration values under the options' keys,
/// every value it could not read (each naming its key), and warnings about settings it accepts but does not act on.
/// </summary>
internal sealed class SchedulingConfigurationSource
{
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Converts <paramref name="raw"/> and stores it under <paramref name="target"/>, or records the error
    /// under <paramref name="key"/>, the name the operator wrote.</summary>
    public void Add(string key, ConfigurationValueKind kind, string raw, string target)
    {
        if (ConfigurationValueParser.Convert(kind, raw, out var problem) is { } value)
            Values[target] = value;
        else
            Errors.Add($"{key} {problem}.");
    }

    /// <summary>Checks <paramref name="raw"/> without storing it (a setting that is read but not used).</summary>
    public void Check(string key, ConfigurationValueKind kind, string raw)
    {
        if (ConfigurationValueParser.Convert(kind, raw, out var problem) is null)
            Errors.Add($"{key} {problem}.");
    }
}
