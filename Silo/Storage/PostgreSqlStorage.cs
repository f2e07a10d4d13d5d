namespace QuantumScheduler.Silo.Storage;

/// <summary>Grain state and reminders in PostgreSQL; the providers create or migrate their schema on start.
/// Membership and the grain directory stay local to this silo until the cluster protocol exists.</summary>
/// <param name="ConnectionString">The Npgsql connection string, password included: never logged.</param>
/// <param name="Endpoint"><c>host:port/database</c>, for the log.</param>
internal sealed record PostgreSqlStorage(string ConnectionString, string Endpoint) : SiloStorage
{
    public override string Description =>
        $"PostgreSQL {Endpoint} (grain state and reminders; membership and grain directory stay local to this silo: the cluster protocol is not built yet)";

    protected override void AddProviders(IServiceCollection services)
    {
        services.AddPostgreSqlGrainStorageAsDefault(options => options.ConnectionString = ConnectionString);
        services.AddPostgreSqlReminders(options => options.ConnectionString = ConnectionString);
    }
}
