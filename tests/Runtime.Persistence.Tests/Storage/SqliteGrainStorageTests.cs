using Microsoft.Data.Sqlite;
using QuantumScheduler.Runtime.Storage.Schema;
using QuantumScheduler.Runtime.Storage.Sqlite.Schema;
using QuantumScheduler.Runtime.Storage.Sqlite;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

public sealed class SqliteGrainStorageTests : GrainStorageContractTests
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteGrainStorage _storage;

    public SqliteGrainStorageTests() => _storage = Open("Default");

    protected override IGrainStorage Storage => _storage;

    public override void Dispose()
    {
        _storage.Dispose();
        _directory.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task Data_survives_reopening_the_file_in_a_new_provider()
    {
        var grain = NewGrain();
        var etag = await _storage.WriteAsync(GrainType, StateName, grain, Bytes("durable"), null, CancellationToken.None);
        var cleared = NewGrain();
        var clearedEtag = await _storage.ClearAsync(GrainType, StateName, cleared,
            await _storage.WriteAsync(GrainType, StateName, cleared, Bytes("gone"), null, CancellationToken.None), CancellationToken.None);
        _storage.Dispose();

        using var reopened = Open("Default");
        var record = await reopened.ReadAsync(GrainType, StateName, grain, CancellationToken.None);

        Assert.Equal("durable", Text(record));
        Assert.Equal(etag, record!.Etag);
        Assert.Null(await reopened.ReadAsync(GrainType, StateName, cleared, CancellationToken.None));
        await reopened.WriteAsync(GrainType, StateName, grain, Bytes("next"), etag, CancellationToken.None);
        var tombstone = await Assert.ThrowsAsync<InconsistentStateException>(
            () => reopened.WriteAsync(GrainType, StateName, cleared, Bytes("x"), "1", CancellationToken.None));
        Assert.Equal(clearedEtag, tombstone.StoredEtag);
    }

    [Fact]
    public async Task Two_providers_on_one_file_keep_their_states_apart()
    {
        using var archive = Open("Archive");
        var grain = NewGrain();
        await _storage.WriteAsync(GrainType, StateName, grain, Bytes("default"), null, CancellationToken.None);
        await archive.WriteAsync(GrainType, StateName, grain, Bytes("archive"), null, CancellationToken.None);

        Assert.Equal("default", Text(await _storage.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
        Assert.Equal("archive", Text(await archive.ReadAsync(GrainType, StateName, grain, CancellationToken.None)));
        Assert.Equal(_storage.DatabasePath, archive.DatabasePath);
    }

    [Fact]
    public async Task A_conflict_names_the_provider()
    {
        var grain = NewGrain();
        await _storage.WriteAsync(GrainType, StateName, grain, Bytes("one"), null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteAsync(GrainType, StateName, grain, Bytes("two"), null, CancellationToken.None));

        Assert.Contains("'Default'", error.Message);
    }

    [Fact]
    public async Task The_file_is_created_in_wal_mode_with_the_latest_schema_version_recorded_once()
    {
        await _storage.InitializeAsync(CancellationToken.None);
        using var again = Open("Other");
        await again.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={_storage.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync(connection, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal((long)SqliteSchema.Migrations.Count, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused_with_both_versions_named()
    {
        await _storage.InitializeAsync(CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={_storage.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, "INSERT INTO schema_version (version, description) VALUES (99, 'from the future');");
        }

        using var older = Open("Default");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => older.InitializeAsync(CancellationToken.None));

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains($"({SqliteSchema.LatestVersion})", error.Message);
    }

    [Fact]
    public async Task Migrations_out_of_order_are_refused()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "gap.db")};Pooling=False");
        await connection.OpenAsync();
        SchemaMigration[] gap = [new(1, "one", "CREATE TABLE a (x INTEGER);"), new(3, "three", "CREATE TABLE b (x INTEGER);")];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteSchemaMigrator.MigrateAsync(connection, gap, CancellationToken.None));

        Assert.Contains("\"three\" has version 3 at position 2", error.Message);
    }

    [Fact]
    public async Task A_later_migration_is_applied_to_an_existing_file_once()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "grow.db")};Pooling=False");
        await connection.OpenAsync();
        SchemaMigration[] first = [new(1, "one", "CREATE TABLE a (x INTEGER);")];
        SchemaMigration[] second = [.. first, new(2, "two", "ALTER TABLE a ADD COLUMN y INTEGER;")];

        Assert.Equal(1, await SqliteSchemaMigrator.MigrateAsync(connection, first, CancellationToken.None));
        Assert.Equal(2, await SqliteSchemaMigrator.MigrateAsync(connection, second, CancellationToken.None));
        Assert.Equal(2, await SqliteSchemaMigrator.MigrateAsync(connection, second, CancellationToken.None));

        Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(y) FROM a;"));
    }

    [Theory]
    [InlineData(SqliteSynchronousMode.Full, 2L)]
    [InlineData(SqliteSynchronousMode.Normal, 1L)]
    public async Task Connections_carry_the_configured_synchronous_mode_busy_timeout_and_checkpoint_interval(SqliteSynchronousMode mode, long pragmaValue)
    {
        using var database = new SqliteDatabase(
            new SqliteGrainStorageOptions { DataDirectory = _directory.Path, Synchronous = mode, BusyTimeout = TimeSpan.FromSeconds(7) },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test");

        await using var connection = await database.OpenAsync(CancellationToken.None);

        Assert.Equal(pragmaValue, await ScalarAsync(connection, "PRAGMA synchronous;"));
        Assert.Equal(7000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal(10000L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public async Task A_disposed_provider_refuses_reads_and_writes_instead_of_touching_the_file_again()
    {
        var storage = Open("Disposed");
        await storage.WriteAsync(GrainType, StateName, NewGrain(), Bytes("x"), null, CancellationToken.None);
        storage.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteAsync(GrainType, StateName, NewGrain(), Bytes("y"), null, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.ReadAsync(GrainType, StateName, NewGrain(), CancellationToken.None));
    }

    /// <summary>Settings are applied once per pooled connection; two providers sharing the pool with different settings
    /// must still each get their own.</summary>
    [Fact]
    public async Task Pooled_connections_shared_by_providers_with_different_modes_carry_each_opener_s_mode()
    {
        SqliteDatabase Database(SqliteSynchronousMode mode) => new(
            new SqliteGrainStorageOptions { DataDirectory = _directory.Path, FileName = "shared.db", Synchronous = mode },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, "test");
        using var full = Database(SqliteSynchronousMode.Full);
        using var normal = Database(SqliteSynchronousMode.Normal);

        foreach (var (database, expected) in new[] { (full, 2L), (normal, 1L), (full, 2L), (full, 2L), (normal, 1L) })
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            Assert.Equal(expected, await ScalarAsync(connection, "PRAGMA synchronous;"));
        }
    }

    private SqliteGrainStorage Open(string name) =>
        new(name, new SqliteGrainStorageOptions { DataDirectory = _directory.Path, FileName = "state.db" });

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
