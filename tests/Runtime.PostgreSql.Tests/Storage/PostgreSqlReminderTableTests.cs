using Npgsql;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Storage;

/// <summary>What the PostgreSQL reminder table does beyond the shared contract: ring ranges at the very edges of the
/// uint hash space, and rows surviving a new table instance.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReminderTableTests(PostgreSqlServer server) : IAsyncLifetime
{
    private const uint Max = uint.MaxValue;
    private static readonly uint[] EdgeHashes = [0, 1, 0x7FFF_FFFF, 0x8000_0000, Max - 1, Max];
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = Open();
        await _table.InitializeAsync(CancellationToken.None);
        // The uniform hash of a real grain cannot be chosen, so rows at the edges are written directly.
        await using var connection = new NpgsqlConnection(server.SharedConnectionString);
        await connection.OpenAsync();
        foreach (var hash in EdgeHashes)
        {
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {_schema}.reminders (grain_id, reminder_name, grain_hash, start_at, period) VALUES (@grain, 'edge', @hash, 0, 600000000);", connection);
            insert.Parameters.AddWithValue("grain", $"edge/{hash}");
            insert.Parameters.AddWithValue("hash", (long)hash);
            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Theory]
    [InlineData(0u, Max, new uint[] { 1, 0x7FFF_FFFF, 0x8000_0000, Max - 1, Max })]
    [InlineData(0x7FFF_FFFFu, 0x8000_0000u, new uint[] { 0x8000_0000 })]
    [InlineData(Max - 1, 1u, new uint[] { Max, 0, 1 })]
    [InlineData(Max, 0u, new uint[] { 0 })]
    [InlineData(1u, 0u, new uint[] { 0x7FFF_FFFF, 0x8000_0000, Max - 1, Max, 0 })]
    [InlineData(0x8000_0000u, 0x7FFF_FFFFu, new uint[] { Max - 1, Max, 0, 1, 0x7FFF_FFFF })]
    [InlineData(Max, Max, new uint[] { 0, 1, 0x7FFF_FFFF, 0x8000_0000, Max - 1, Max })]
    [InlineData(0u, 0u, new uint[] { 0, 1, 0x7FFF_FFFF, 0x8000_0000, Max - 1, Max })]
    public async Task Ranges_at_the_edges_of_the_hash_space_are_begin_exclusive_end_inclusive(uint begin, uint end, uint[] expected)
    {
        var rows = await _table.ReadRowsAsync(begin, end, CancellationToken.None);

        Assert.Equal(expected.Order(), rows.Select(r => uint.Parse(r.GrainId.Key)).Order());
    }

    [Fact]
    public async Task A_hash_outside_the_uint_range_is_refused_by_the_table()
    {
        await using var connection = new NpgsqlConnection(server.SharedConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {_schema}.reminders (grain_id, reminder_name, grain_hash, start_at, period) VALUES ('edge/x', 'edge', 4294967296, 0, 1);", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task Rows_survive_a_new_table_instance()
    {
        var entry = new ReminderEntry
        {
            GrainId = new GrainId("job", "durable"),
            ReminderName = "nightly",
            StartAt = new DateTime(2026, 11, 25, 1, 2, 3, DateTimeKind.Utc).AddTicks(7),
            Period = TimeSpan.FromHours(24),
        };
        var etag = await _table.UpsertRowAsync(entry, CancellationToken.None);
        await _table.DisposeAsync();

        _table = Open();

        Assert.Equal(entry with { ETag = etag }, await _table.ReadRowAsync(entry.GrainId, "nightly", CancellationToken.None));
        Assert.True(await _table.RemoveRowAsync(entry.GrainId, "nightly", etag, CancellationToken.None));
    }

    private PostgreSqlReminderTable Open() =>
        new(new PostgreSqlReminderTableOptions { ConnectionString = server.SharedConnectionString, Schema = _schema });
}
