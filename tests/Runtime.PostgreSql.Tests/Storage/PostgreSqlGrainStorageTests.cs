using System.Text;
using Npgsql;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Storage;

/// <summary>What PostgreSQL grain storage does beyond the shared contract: durability across provider instances
/// (a restarted silo, or another silo), and writers on different silos racing through different pools.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlGrainStorageTests(PostgreSqlServer server)
{
    private const string GrainType = "counter";
    private const string StateName = "count";
    private readonly string _schema = PostgreSqlServer.NewSchema();

    [Fact]
    public async Task State_survives_a_new_provider_instance_and_its_etag_still_writes()
    {
        var grain = new GrainId(GrainType, "durable");
        string etag;
        await using (var first = Open("pg"))
            etag = await first.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes("kept"), null, CancellationToken.None);

        await using var restarted = Open("pg");
        var record = await restarted.ReadAsync(GrainType, StateName, grain, CancellationToken.None);

        Assert.Equal("kept", Encoding.UTF8.GetString(record!.Data));
        Assert.Equal(etag, record.Etag);
        Assert.NotEqual(etag, await restarted.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes("next"), etag, CancellationToken.None));
    }

    [Fact]
    public async Task Writers_on_two_silos_with_the_same_etag_exactly_one_wins_and_the_loser_is_told_the_winners_etag()
    {
        await using var siloA = Open("pg");
        await using var siloB = Open("pg");
        var grain = new GrainId(GrainType, "contended");
        var etag = await siloA.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes("start"), null, CancellationToken.None);

        for (var round = 0; round < 25; round++)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { siloA, siloB }.Select((silo, i) => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    return (Etag: await silo.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes($"{round}:{i}"), etag, CancellationToken.None), Error: (InconsistentStateException?)null);
                }
                catch (InconsistentStateException error)
                {
                    return (Etag: (string?)null, Error: error);
                }
            })).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, r => r.Etag is not null);
            var loser = Assert.Single(results, r => r.Error is not null);
            Assert.Equal(winner.Etag, loser.Error!.StoredEtag);
            etag = winner.Etag!;
        }
    }

    [Fact]
    public async Task Providers_with_different_names_keep_separate_rows_in_one_table()
    {
        await using var archive = Open("archive");
        await using var live = Open("live");
        var grain = new GrainId(GrainType, "shared-key");

        await archive.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes("a"), null, CancellationToken.None);
        await live.WriteAsync(GrainType, StateName, grain, Encoding.UTF8.GetBytes("l"), null, CancellationToken.None);

        Assert.Equal("a", Encoding.UTF8.GetString((await archive.ReadAsync(GrainType, StateName, grain, CancellationToken.None))!.Data));
        Assert.Equal("l", Encoding.UTF8.GetString((await live.ReadAsync(GrainType, StateName, grain, CancellationToken.None))!.Data));
    }

    [Fact]
    public async Task State_is_stored_as_bytea_in_the_configured_schema()
    {
        await using var storage = Open("pg");
        byte[] payload = [0, 1, 2, 255];
        await storage.WriteAsync(GrainType, StateName, new GrainId(GrainType, "bytes"), payload, null, CancellationToken.None);

        await using var connection = new NpgsqlConnection(server.SharedConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT pg_typeof(payload)::text, payload FROM {_schema}.grain_state WHERE grain_id = 'counter/bytes';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("bytea", reader.GetString(0));
        Assert.Equal(payload, reader.GetFieldValue<byte[]>(1));
    }

    private PostgreSqlGrainStorage Open(string name) =>
        new(name, new PostgreSqlGrainStorageOptions { ConnectionString = server.SharedConnectionString, Schema = _schema });
}
