using QuantumScheduler.Runtime.Persistence.Tests.Storage;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Storage;

/// <summary>The shared reminder-table contract, run against PostgreSQL (a fresh schema per test).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReminderTableContractTests(PostgreSqlServer server) : ReminderTableContractTests
{
    private readonly PostgreSqlReminderTable _table = new(
        new PostgreSqlReminderTableOptions { ConnectionString = server.SharedConnectionString, Schema = PostgreSqlServer.NewSchema() });

    protected override IReminderTable Table => _table;

    public override void Dispose()
    {
        _table.Dispose();
        base.Dispose();
    }
}
