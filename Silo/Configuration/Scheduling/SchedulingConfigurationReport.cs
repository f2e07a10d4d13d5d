namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Which YAML file was read (if any) and the warnings about settings that were accepted but not used.</summary>
internal sealed record SchedulingConfigurationReport(string? ConfigFile, IReadOnlyList<string> Warnings);
