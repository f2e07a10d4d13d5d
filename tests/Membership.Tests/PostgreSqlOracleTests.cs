using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>The oracle over the real PostgreSQL membership table (a throwaway server, one schema per test).</summary>
[Collection(PostgreSqlFixture.Name)]
public sealed class PostgreSqlOracleTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly GrainDirectory.SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2),
        C = ClusterHarness.Address(3), D = ClusterHarness.Address(4);

    private PostgreSqlMembershipTable _table = null!;

    public Task InitializeAsync()
    {
        _table = new PostgreSqlMembershipTable(new PostgreSqlMembershipTableOptions { ConnectionString = server.SharedConnectionString, Schema = PostgreSqlServer.NewSchema() });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _table.DisposeAsync();

    [Fact]
    public async Task Two_oracles_voting_with_the_same_version_on_PostgreSQL_one_wins_and_no_vote_is_lost()
    {
        var table = new RacingTable(_table);
        await using var cluster = new ClusterHarness(table);
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await cluster.JoinAsync(C);
        await cluster.JoinAsync(D);
        var version = await cluster.VersionAsync();

        table.HoldNextReads(2);
        var votes = await Task.WhenAll(
            Task.Run(() => a.TryToSuspectOrKillAsync(C, CancellationToken.None)),
            Task.Run(() => b.TryToSuspectOrKillAsync(C, CancellationToken.None)));

        Assert.Single(table.Writes, write => write.Version == version && write.Won);
        Assert.Single(table.Writes, write => write.Version == version && !write.Won);
        Assert.Equal([false, true], votes.Order());
        var row = await cluster.RowAsync(C);
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(2, row.Suspicions.Count);
        Assert.Equal(version + 2, await cluster.VersionAsync());
    }

    [Fact]
    public async Task Join_probe_death_and_self_stop_run_against_PostgreSQL()
    {
        await using var cluster = new ClusterHarness(_table);
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);
        cluster.Network.Cut(A, B);

        for (var round = 0; round < cluster.Options.NumMissedProbesLimit; round++)
            await a.ProbeRoundAsync(CancellationToken.None);
        await b.RefreshAsync(CancellationToken.None);
        await cluster.DeadHandler.FirstCall.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(B)).Status);
        Assert.Equal(B, Assert.Single(cluster.DeadHandler.Calls).Silo);
        Assert.Equal([A], a.Current.ActiveSilos);
    }
}
