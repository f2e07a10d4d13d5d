using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class SelfStopTests
{
    private static readonly GrainDirectory.SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2);

    [Fact]
    public async Task A_silo_that_reads_itself_dead_calls_the_handler_once_and_writes_nothing_more()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);
        await b.RefreshAsync(CancellationToken.None);
        Assert.True(await a.TryToSuspectOrKillAsync(B, CancellationToken.None)); // 2 silos: one vote suffices
        var deadRow = await cluster.RowAsync(B);
        var version = await cluster.VersionAsync();

        await b.RefreshAsync(CancellationToken.None);
        await cluster.DeadHandler.FirstCall.WaitAsync(TimeSpan.FromSeconds(10));
        await b.RefreshAsync(CancellationToken.None);
        cluster.Time.Advance(TimeSpan.FromMinutes(1));
        await b.PublishIAmAliveAsync(CancellationToken.None);
        cluster.Network.Kill(A);
        for (var round = 0; round < 5; round++)
            await b.ProbeRoundAsync(CancellationToken.None);
        await b.OnShuttingDownAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);

        Assert.True(b.IsDeclaredDead);
        var call = Assert.Single(cluster.DeadHandler.Calls);
        Assert.Equal(B, call.Silo);
        Assert.Contains("Dead", call.Reason);
        Assert.Equal(deadRow, await cluster.RowAsync(B)); // not even IAmAlive
        Assert.Equal(version, await cluster.VersionAsync());
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(A)).Status);
    }

    [Fact]
    public async Task A_silo_whose_row_is_gone_finds_itself_dead()
    {
        var table = new HidingTable(new InMemoryMembershipTable());
        await using var cluster = new ClusterHarness(table);
        var a = await cluster.JoinAsync(A);

        table.Hide(A);
        await a.RefreshAsync(CancellationToken.None);
        await cluster.DeadHandler.FirstCall.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(a.IsDeclaredDead);
        Assert.Contains("gone", Assert.Single(cluster.DeadHandler.Calls).Reason);
    }

    [Fact]
    public async Task A_silo_that_sees_a_newer_generation_of_its_endpoint_finds_itself_dead()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        await cluster.JoinAsync(ClusterHarness.Address(1, generation: 2));

        await a.RefreshAsync(CancellationToken.None);
        await cluster.DeadHandler.FirstCall.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(a.IsDeclaredDead);
        Assert.Equal(A, Assert.Single(cluster.DeadHandler.Calls).Silo);
    }

    [Fact]
    public async Task A_graceful_stop_writes_shutting_down_then_dead_and_is_not_taken_for_a_death_declaration()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);
        var statuses = new List<SiloStatus>();
        a.Changed += view => statuses.Add(view.StatusOf(B));

        await b.OnShuttingDownAsync(CancellationToken.None);
        await a.RefreshAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
        await a.RefreshAsync(CancellationToken.None);

        Assert.Equal([SiloStatus.ShuttingDown, SiloStatus.Dead], statuses);
        Assert.Empty((await cluster.RowAsync(B)).Suspicions);
        Assert.False(b.IsDeclaredDead);
        Assert.Empty(cluster.DeadHandler.Calls);
        Assert.Equal([A], a.Current.ActiveSilos);
    }
}
