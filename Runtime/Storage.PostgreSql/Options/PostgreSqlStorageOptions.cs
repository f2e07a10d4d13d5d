namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Which PostgreSQL database a provider uses, and in which schema its tables live.</summary>
public abstract class PostgreSqlStorageOptions
{
    /// <summary>The default <see cref="Schema"/>.</summary>
    public const string DefaultSchema = "public";

    /// <summary>An Npgsql connection string (e.g. <c>Host=db;Database=scheduler;Username=qs;Password=…</c>). Required:
    /// there is no default, and a missing or malformed value stops the host's start naming this option.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema holding the provider's tables; created on start when missing. A lower-case identifier
    /// (letters, digits, underscores). Default: <see cref="DefaultSchema"/>. Grain state and reminders share one
    /// schema (and one schema version) unless told otherwise.</summary>
    public string Schema { get; set; } = DefaultSchema;
}
