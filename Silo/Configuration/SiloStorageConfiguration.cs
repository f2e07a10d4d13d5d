using Microsoft.Extensions.Options;
using Npgsql;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Silo.Storage;

namespace QuantumScheduler.Silo.Configuration;

/// <summary>Chooses the silo's storage: PostgreSQL when a connection string is configured
/// (<c>QUANTUM_SCHEDULER_POSTGRES</c>, else <c>ConnectionStrings:QuantumScheduler</c>), the embedded SQLite file
/// otherwise. The connection string is parsed and the server reached before the host is built, so a typo or a
/// down server stops the start as a configuration error naming the key.</summary>
internal static class SiloStorageConfiguration
{
    /// <summary>The name under <c>ConnectionStrings</c> that selects PostgreSQL.</summary>
    public const string ConnectionStringName = "QuantumScheduler";

    /// <summary>The environment variable that selects PostgreSQL; it wins over configuration.</summary>
    public const string ConnectionStringVariable = "QUANTUM_SCHEDULER_POSTGRES";

    private const string Key = $"{ConnectionStringVariable} (ConnectionStrings:{ConnectionStringName})";

    public static SiloStorage SelectSiloStorage(this WebApplicationBuilder builder, SiloHostOptions host)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } variable
            ? variable
            : builder.Configuration.GetConnectionString(ConnectionStringName);
        var clustered = builder.Configuration.GetSection(EndpointOptions.SectionName).Get<EndpointOptions>()?.IsClustered ?? false;
        if (string.IsNullOrEmpty(connectionString))
        {
            // Silos of a cluster must share their grain directory and membership: a SQLite file cannot be shared.
            return clustered
                ? throw new OptionsValidationException(Options.DefaultName, typeof(SiloStorage),
                    [$"{EndpointOptions.SectionName}:SiloPort is set, so the silo runs clustered, which needs PostgreSQL: set {Key} too."])
                : new EmbeddedStorage(host.DataDirectory);
        }

        var parsed = Parse(connectionString);
        var endpoint = $"{parsed.Host}:{parsed.Port}/{parsed.Database ?? parsed.Username ?? "(the user's database)"}";
        EnsureReachable(connectionString, endpoint);
        return new PostgreSqlStorage(connectionString, endpoint, host.ClusterId, clustered);
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            throw Failure($"is not a valid PostgreSQL connection string: {exception.Message}");
        }
        return string.IsNullOrWhiteSpace(parsed.Host)
            ? throw Failure("names no Host (e.g. Host=db;Database=scheduler;Username=qs;Password=…).")
            : parsed;
    }

    // The providers would find an unreachable server too, but only after the silo is half started and without the key.
    private static void EnsureReachable(string connectionString, string endpoint)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw Failure($"cannot connect to {endpoint}: {exception.Message}");
        }
    }

    private static OptionsValidationException Failure(string problem) =>
        new(Options.DefaultName, typeof(SiloStorage), [$"{Key} {problem}"]);
}
