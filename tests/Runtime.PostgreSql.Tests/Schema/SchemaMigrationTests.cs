using Npgsql;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage.PostgreSql.Schema;
using QuantumScheduler.Runtime.Storage.PostgreSql;
using QuantumScheduler.Runtime.Storage.Schema;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Schema;

[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaMigrationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Eight_silos_initialising_at_once_against_an_empty_database_all_succeed_and_migrate_once()
    {
        var connectionString = await server.CreateDatabaseAsync();
        // Grain storage and reminder tables of eight silos share the default schema, as a real cluster would.
        var providers = Enumerable.Range(0, 8).Select<int, (Func<CancellationToken, Task> Initialize, IAsyncDisposable Provider)>(i =>
        {
            if (i % 2 == 0)
            {
                var storage = new PostgreSqlGrainStorage("Default", new PostgreSqlGrainStorageOptions { ConnectionString = connectionString });
                return (storage.InitializeAsync, storage);
            }
            var table = new PostgreSqlReminderTable(new PostgreSqlReminderTableOptions { ConnectionString = connectionString });
            return (table.InitializeAsync, table);
        }).ToArray();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var initializations = providers.Select(p => Task.Run(async () =>
            {
                await start.Task;
                await p.Initialize(CancellationToken.None);
            })).ToArray();
            start.SetResult();

            await Task.WhenAll(initializations);

            var applied = await QueryVersionsAsync(connectionString, PostgreSqlStorageOptions.DefaultSchema);
            Assert.Equal(PostgreSqlSchema.Migrations.Select(m => m.Version), applied);
        }
        finally
        {
            foreach (var (_, provider) in providers)
                await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_schema_at_a_newer_version_is_refused_naming_both_versions()
    {
        var schema = PostgreSqlServer.NewSchema();
        var options = new PostgreSqlGrainStorageOptions { ConnectionString = server.SharedConnectionString, Schema = schema };
        await using (var current = new PostgreSqlGrainStorage("Default", options))
            await current.InitializeAsync(CancellationToken.None);
        var newer = PostgreSqlSchema.LatestVersion + 1;
        await ExecuteAsync(server.SharedConnectionString, $"INSERT INTO {schema}.schema_version (version, description) VALUES ({newer}, 'from a newer build');");

        await using var older = new PostgreSqlGrainStorage("Default", options);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => older.InitializeAsync(CancellationToken.None));

        Assert.Contains($"schema version {newer}", error.Message);
        Assert.Contains($"({PostgreSqlSchema.LatestVersion})", error.Message);
        Assert.Contains(schema, error.Message);
    }

    [Fact]
    public async Task A_pending_migration_is_applied_to_an_existing_schema_and_keeps_its_data()
    {
        var schema = PostgreSqlServer.NewSchema();
        await using var connection = new NpgsqlConnection(server.SharedConnectionString);
        await connection.OpenAsync();
        await PostgreSqlSchemaMigrator.MigrateAsync(connection, schema, PostgreSqlSchema.Migrations, CancellationToken.None);
        await ExecuteAsync(server.SharedConnectionString,
            $"INSERT INTO {schema}.grain_state (storage_name, grain_type, state_name, grain_id, payload, version) VALUES ('s', 't', 'n', 't/1', '\\x01', 3);");
        SchemaMigration[] next = [.. PostgreSqlSchema.Migrations, new(PostgreSqlSchema.LatestVersion + 1, "test column", "ALTER TABLE grain_state ADD COLUMN note text;")];

        var version = await PostgreSqlSchemaMigrator.MigrateAsync(connection, schema, next, CancellationToken.None);
        var again = await PostgreSqlSchemaMigrator.MigrateAsync(connection, schema, next, CancellationToken.None);

        Assert.Equal(next.Length, version);
        Assert.Equal(next.Length, again);
        Assert.Equal(next.Select(m => m.Version), await QueryVersionsAsync(server.SharedConnectionString, schema));
        await using var read = new NpgsqlCommand($"SELECT version, note FROM {schema}.grain_state;", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(3, reader.GetInt64(0));
        Assert.True(reader.IsDBNull(1));
    }

    [Fact]
    public async Task Migrations_out_of_order_are_refused_before_touching_the_database()
    {
        var schema = PostgreSqlServer.NewSchema();
        await using var connection = new NpgsqlConnection(server.SharedConnectionString);
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlSchemaMigrator.MigrateAsync(connection, schema,
            [new(1, "first", "SELECT 1;"), new(3, "gap", "SELECT 1;")], CancellationToken.None));

        Assert.Contains("\"gap\" has version 3 at position 2", error.Message);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema;", connection);
        exists.Parameters.AddWithValue("schema", schema);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    private static async Task<int[]> QueryVersionsAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_version ORDER BY version;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt32(0));
        return [.. versions];
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
