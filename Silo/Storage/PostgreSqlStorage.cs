using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Silo.Storage;

/// <summary>Grain state and reminders in PostgreSQL; the providers create or migrate their schema on start. Clustered
/// (a silo port is configured), the silo also keeps its membership and the grain directory there, so every silo of
/// <paramref name="ClusterId"/> pointing at the same database forms one cluster.</summary>
/// <param name="ConnectionString">The Npgsql connection string, password included: never logged.</param>
/// <param name="Endpoint"><c>host:port/database</c>, for the log.</param>
/// <param name="ClusterId">The cluster the silo joins when clustered.</param>
/// <param name="Clustered">True when <c>QuantumScheduler:Endpoints:SiloPort</c> is set.</param>
internal sealed record PostgreSqlStorage(string ConnectionString, string Endpoint, string ClusterId, bool Clustered) : SiloStorage
{
    public override string Description => Clustered
        ? $"PostgreSQL {Endpoint} (grain state, reminders, membership and grain directory of cluster '{ClusterId}')"
        : $"PostgreSQL {Endpoint} (grain state and reminders; a single silo: set QuantumScheduler:Endpoints:SiloPort to join cluster '{ClusterId}')";

    protected override void AddProviders(ISiloBuilder silo)
    {
        silo.Services.AddPostgreSqlGrainStorageAsDefault(options => options.ConnectionString = ConnectionString);
        silo.Services.AddPostgreSqlReminders(options => options.ConnectionString = ConnectionString);
        if (!Clustered)
            return;
        silo.Services.AddPostgreSqlGrainDirectory(options =>
        {
            options.ConnectionString = ConnectionString;
            options.ClusterId = ClusterId;
        });
        silo.UsePostgreSqlClustering(options =>
        {
            options.ConnectionString = ConnectionString;
            options.ClusterId = ClusterId;
        });
    }
}
