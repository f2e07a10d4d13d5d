using QuantumScheduler.Runtime.Persistence.Tests.Storage;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Storage;

/// <summary>The shared grain-storage contract, run against PostgreSQL (a fresh schema per test).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlGrainStorageContractTests(PostgreSqlServer server) : GrainStorageContractTests
{
    private readonly PostgreSqlGrainStorage _storage = new("pg",
        new PostgreSqlGrainStorageOptions { ConnectionString = server.SharedConnectionString, Schema = PostgreSqlServer.NewSchema() });

    protected override IGrainStorage Storage => _storage;

    public override void Dispose()
    {
        _storage.Dispose();
        base.Dispose();
    }
}
