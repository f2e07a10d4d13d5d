using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class JoinTests
{
    private static readonly GrainDirectory.SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2), C = ClusterHarness.Address(3);

    [Fact]
    public async Task A_first_silo_joins_as_active_and_publishes_a_view_with_itself()
    {
        await using var cluster = new ClusterHarness();
        var oracle = cluster.Create(A);
        var views = new List<ClusterMembershipSnapshot>();
        oracle.Changed += views.Add;

        await oracle.JoinAsync(CancellationToken.None);

        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(A)).Status);
        Assert.Equal([A], oracle.Current.ActiveSilos);
        Assert.Equal(30000, Assert.Single(oracle.Current.Gateways).GatewayPort);
        Assert.Equal(views.Select(view => view.Version).Order(), views.Select(view => view.Version));
        Assert.Equal(oracle.Current, views[^1]);
    }

    [Fact]
    public async Task A_joining_silo_probes_every_active_silo_and_becomes_active_when_they_answer()
    {
        await using var cluster = new ClusterHarness();
        await cluster.JoinAsync(A);
        await cluster.JoinAsync(B);

        var c = await cluster.JoinAsync(C);

        Assert.Equal([A, B, C], c.Current.ActiveSilos);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(C)).Status);
    }

    [Fact]
    public async Task A_joining_silo_that_cannot_reach_an_active_silo_does_not_become_active_and_its_start_fails()
    {
        await using var cluster = new ClusterHarness(options: new MembershipOptions { MaxJoinAttemptTime = TimeSpan.FromSeconds(30) });
        await cluster.JoinAsync(A);
        await cluster.JoinAsync(B);
        cluster.Network.Cut(C, B);
        var c = cluster.Create(C);
        var start = cluster.Time.GetUtcNow();

        var failure = await Assert.ThrowsAsync<MembershipJoinException>(() => cluster.AdvanceUntilDoneAsync(JoinReturningTrue(c)));

        Assert.Contains(B.ToString(), failure.Message);
        Assert.DoesNotContain(A.ToString(), failure.Message);
        Assert.Contains("MaxJoinAttemptTime", failure.Message);
        Assert.InRange(cluster.Time.GetUtcNow() - start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40));
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(C)).Status);
        Assert.Empty(cluster.DeadHandler.Calls);
    }

    [Fact]
    public async Task A_joining_silo_keeps_trying_and_joins_once_the_unreachable_silo_is_declared_dead_by_others()
    {
        await using var cluster = new ClusterHarness(options: new MembershipOptions { MaxJoinAttemptTime = TimeSpan.FromMinutes(1) });
        var a = await cluster.JoinAsync(A);
        await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);
        cluster.Network.Kill(B);
        var joining = JoinReturningTrue(cluster.Create(C));

        for (var round = 0; round < cluster.Options.NumMissedProbesLimit; round++)
            await a.ProbeRoundAsync(CancellationToken.None);
        await cluster.AdvanceUntilDoneAsync(joining);

        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(B)).Status);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(C)).Status);
    }

    [Fact]
    public async Task Stale_active_rows_are_not_probed_by_a_joining_silo_so_a_whole_cluster_can_restart()
    {
        await using var cluster = new ClusterHarness();
        await cluster.JoinAsync(A);
        cluster.Network.Kill(A);
        cluster.Time.Advance(cluster.Options.StaleRowAge + TimeSpan.FromSeconds(1));

        await cluster.JoinAsync(B);

        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(B)).Status);
    }

    [Fact]
    public async Task A_restarted_silo_joins_with_a_new_generation_and_its_old_generation_is_marked_dead()
    {
        await using var cluster = new ClusterHarness();
        await cluster.JoinAsync(A);
        var oldB = await cluster.JoinAsync(B);
        cluster.Network.Kill(B); // killed: its row stays Active
        var newB = ClusterHarness.Address(2, generation: 2);

        var restarted = await cluster.JoinAsync(newB);

        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(B)).Status);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(newB)).Status);
        Assert.True(restarted.Current.IsDead(B));
        Assert.Equal([A, newB], restarted.Current.ActiveSilos);
        Assert.Empty(cluster.DeadHandler.Calls);
        Assert.False(oldB.IsDeclaredDead); // the old process is gone; it would find out on its next read
    }

    [Fact]
    public async Task A_second_process_with_the_same_address_and_generation_is_refused()
    {
        await using var cluster = new ClusterHarness();
        await cluster.JoinAsync(A);

        var failure = await Assert.ThrowsAsync<MembershipJoinException>(() => cluster.Create(A).JoinAsync(CancellationToken.None));

        Assert.Contains("already has a row", failure.Message);
    }

    private static async Task<bool> JoinReturningTrue(MembershipOracle oracle)
    {
        await oracle.JoinAsync(CancellationToken.None);
        return true;
    }
}
