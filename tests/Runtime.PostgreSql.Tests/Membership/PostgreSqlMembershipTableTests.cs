using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Membership;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMembershipTableTests(PostgreSqlServer server) : IAsyncLifetime
{
    // Whole microseconds: timestamptz keeps no finer precision.
    private static readonly DateTime Started = new(2026, 11, 25, 10, 0, 0, 123, 456, DateTimeKind.Utc);
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlMembershipTable _table = null!;

    public Task InitializeAsync()
    {
        _table = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Fact]
    public async Task An_empty_cluster_reads_version_zero_and_no_rows()
    {
        var snapshot = await _table.ReadAllAsync(CancellationToken.None);

        Assert.Empty(snapshot.Rows);
        Assert.Equal(0, snapshot.Version);
    }

    [Fact]
    public async Task Insert_with_the_current_version_adds_the_row_and_bumps_the_version_by_one()
    {
        var entry = Entry(1, SiloStatus.Joining) with { ProxyPort = 30000 };

        Assert.True(await _table.InsertRowAsync(entry, 0, CancellationToken.None));

        var snapshot = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(entry, Assert.Single(snapshot.Rows).Entry);
    }

    [Fact]
    public async Task Insert_with_a_stale_version_or_of_an_existing_silo_writes_nothing()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None));

        Assert.False(await _table.InsertRowAsync(Entry(2), 0, CancellationToken.None));
        Assert.False(await _table.InsertRowAsync(Entry(1) with { Status = SiloStatus.Dead }, 1, CancellationToken.None));

        var snapshot = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(Entry(1), Assert.Single(snapshot.Rows).Entry);
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_the_rows_etag_and_bumps_both()
    {
        await _table.InsertRowAsync(Entry(1, SiloStatus.Joining), 0, CancellationToken.None);
        var read = await _table.ReadAllAsync(CancellationToken.None);
        var row = Assert.Single(read.Rows);
        var active = row.Entry with { Status = SiloStatus.Active };

        Assert.False(await _table.UpdateRowAsync(active, row.ETag, read.Version - 1, CancellationToken.None));
        Assert.False(await _table.UpdateRowAsync(active, row.ETag + "0", read.Version, CancellationToken.None));
        Assert.False(await _table.UpdateRowAsync(active, "garbage", read.Version, CancellationToken.None));
        var unchanged = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(read.Version, unchanged.Version);
        Assert.Equal(row, Assert.Single(unchanged.Rows));

        Assert.True(await _table.UpdateRowAsync(active, row.ETag, read.Version, CancellationToken.None));

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(read.Version + 1, after.Version);
        var updated = Assert.Single(after.Rows);
        Assert.Equal(SiloStatus.Active, updated.Entry.Status);
        Assert.NotEqual(row.ETag, updated.ETag);
        Assert.False(await _table.UpdateRowAsync(active with { Status = SiloStatus.Dead }, row.ETag, after.Version, CancellationToken.None));
    }

    [Fact]
    public async Task Update_of_a_silo_without_a_row_writes_nothing_and_keeps_the_version()
    {
        await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None);

        Assert.False(await _table.UpdateRowAsync(Entry(2), "1", 1, CancellationToken.None));

        Assert.Equal(1, (await _table.ReadAllAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Suspicions_round_trip()
    {
        await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None);
        var read = await _table.ReadAllAsync(CancellationToken.None);
        var suspected = Entry(1) with
        {
            Suspicions = [new SuspectVote(Silo(2), Started.AddMinutes(1)), new SuspectVote(Silo(3), Started.AddMinutes(2))],
        };

        Assert.True(await _table.UpdateRowAsync(suspected, read.Rows[0].ETag, read.Version, CancellationToken.None));

        Assert.Equal(suspected, Assert.Single((await _table.ReadAllAsync(CancellationToken.None)).Rows).Entry);
    }

    [Fact]
    public async Task IAmAlive_changes_the_time_but_neither_the_version_nor_the_etag()
    {
        await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None);
        var before = await _table.ReadAllAsync(CancellationToken.None);
        var alive = Started.AddSeconds(30);

        await _table.UpdateIAmAliveAsync(Silo(1), alive, CancellationToken.None);

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Rows[0].ETag, after.Rows[0].ETag);
        Assert.Equal(alive, after.Rows[0].Entry.IAmAliveAt);
        // An update written with the etag read before the heartbeat still succeeds, and keeps the newer heartbeat.
        Assert.True(await _table.UpdateRowAsync(before.Rows[0].Entry with { Status = SiloStatus.Active }, before.Rows[0].ETag, after.Version, CancellationToken.None));
        Assert.Equal(alive, (await _table.ReadAllAsync(CancellationToken.None)).Rows[0].Entry.IAmAliveAt);
    }

    [Fact]
    public async Task IAmAlive_of_an_unknown_silo_is_an_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _table.UpdateIAmAliveAsync(Silo(9), Started, CancellationToken.None));

        Assert.Contains(Silo(9).ToString(), error.Message);
    }

    [Fact]
    public async Task Two_writers_on_two_silos_holding_the_same_table_version_exactly_one_wins_every_round()
    {
        await using var otherSilo = Open();
        await _table.InsertRowAsync(Entry(1, SiloStatus.Active), 0, CancellationToken.None);

        for (var round = 0; round < 30; round++)
        {
            var read = await _table.ReadAllAsync(CancellationToken.None);
            var row = Assert.Single(read.Rows, r => r.Entry.Silo == Silo(1));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // One writer casts a vote on silo 1, the other inserts a new silo: both hold the same version.
            var vote = Task.Run(async () =>
            {
                await start.Task;
                return await _table.UpdateRowAsync(row.Entry with { Suspicions = [new SuspectVote(Silo(2), Started.AddSeconds(round))] },
                    row.ETag, read.Version, CancellationToken.None);
            });
            var join = Task.Run(async () =>
            {
                await start.Task;
                return await otherSilo.InsertRowAsync(Entry(100 + round), read.Version, CancellationToken.None);
            });
            start.SetResult();
            var results = await Task.WhenAll(vote, join);

            Assert.Single(results, won => won);
            var after = await _table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(read.Version + 1, after.Version);
            Assert.Equal(results[1], after.Rows.Any(r => r.Entry.Silo == Silo(100 + round)));
        }
    }

    [Fact]
    public async Task Clusters_sharing_a_schema_have_separate_rows_and_versions()
    {
        await using var other = Open("other-cluster");
        await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None);

        var snapshot = await other.ReadAllAsync(CancellationToken.None);

        Assert.Empty(snapshot.Rows);
        Assert.Equal(0, snapshot.Version);
        Assert.True(await other.InsertRowAsync(Entry(1), 0, CancellationToken.None));
    }

    [Fact]
    public async Task Rows_survive_a_new_table_instance()
    {
        await _table.InsertRowAsync(Entry(1), 0, CancellationToken.None);
        await _table.DisposeAsync();

        _table = Open();

        var snapshot = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(Entry(1), Assert.Single(snapshot.Rows).Entry);
    }

    [Fact]
    public async Task A_time_that_is_not_utc_is_rejected()
    {
        var local = Entry(1) with { StartedAt = DateTime.SpecifyKind(Started, DateTimeKind.Local) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _table.InsertRowAsync(local, 0, CancellationToken.None));

        Assert.Contains("StartedAt", error.Message);
        Assert.Empty((await _table.ReadAllAsync(CancellationToken.None)).Rows);
    }

    private static SiloAddress Silo(int i) => new("127.0.0.1", 11000 + i, 1000 + i);

    private static MembershipEntry Entry(int i, SiloStatus status = SiloStatus.Joining) => new()
    {
        Silo = Silo(i),
        Status = status,
        StartedAt = Started,
        IAmAliveAt = Started,
    };

    private PostgreSqlMembershipTable Open(string clusterId = PostgreSqlClusterOptions.DefaultClusterId) =>
        new(new PostgreSqlMembershipTableOptions { ConnectionString = server.SharedConnectionString, Schema = _schema, ClusterId = clusterId });
}
