using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class FailureDetectionTests
{
    private static readonly GrainDirectory.SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2), C = ClusterHarness.Address(3);

    [Fact]
    public async Task Refresh_brings_silos_joined_elsewhere_into_the_view_in_increasing_version_order()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var versions = new List<long>();
        a.Changed += view => versions.Add(view.Version);
        await cluster.JoinAsync(B);
        await cluster.JoinAsync(C);
        Assert.Equal([A], a.Current.ActiveSilos);

        await a.RefreshAsync(CancellationToken.None);
        await a.RefreshAsync(CancellationToken.None);

        Assert.Equal([A, B, C], a.Current.ActiveSilos);
        Assert.Equal(await cluster.VersionAsync(), a.Current.Version);
        Assert.Equal([await cluster.VersionAsync()], versions); // one newer version, raised once
    }

    [Fact]
    public async Task A_silo_that_misses_probes_gets_one_vote_per_prober_and_is_declared_dead_by_the_second()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await cluster.JoinAsync(C);
        await a.RefreshAsync(CancellationToken.None);
        await b.RefreshAsync(CancellationToken.None);
        cluster.Network.Kill(C);

        for (var round = 0; round < cluster.Options.NumMissedProbesLimit; round++)
            await a.ProbeRoundAsync(CancellationToken.None);
        var afterFirstVoter = await cluster.RowAsync(C);
        for (var round = 0; round < cluster.Options.NumMissedProbesLimit; round++)
            await b.ProbeRoundAsync(CancellationToken.None);
        var afterSecondVoter = await cluster.RowAsync(C);

        Assert.Equal(SiloStatus.Active, afterFirstVoter.Status);
        Assert.Equal([A], afterFirstVoter.Suspicions.Select(vote => vote.Suspecter));
        Assert.Equal(SiloStatus.Dead, afterSecondVoter.Status);
        Assert.Equal([A, B], afterSecondVoter.Suspicions.Select(vote => vote.Suspecter));
        Assert.Equal(SiloStatus.Dead, b.Current.StatusOf(C));
        Assert.Equal([A, B], b.Current.ActiveSilos);
    }

    [Fact]
    public async Task An_answered_probe_resets_the_missed_probe_count()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);

        cluster.Network.Cut(A, B);
        await a.ProbeRoundAsync(CancellationToken.None);
        await a.ProbeRoundAsync(CancellationToken.None);
        cluster.Network.Heal(A, B);
        await a.ProbeRoundAsync(CancellationToken.None);
        cluster.Network.Cut(A, B);
        await a.ProbeRoundAsync(CancellationToken.None);
        await a.ProbeRoundAsync(CancellationToken.None);
        var afterTwoMoreMisses = await cluster.RowAsync(B);
        await a.ProbeRoundAsync(CancellationToken.None);

        Assert.Empty(afterTwoMoreMisses.Suspicions);
        Assert.Equal(SiloStatus.Active, afterTwoMoreMisses.Status);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(B)).Status);
    }

    [Fact]
    public async Task With_two_silos_one_vote_after_the_missed_probe_limit_declares_death()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        await cluster.JoinAsync(B);
        await a.RefreshAsync(CancellationToken.None);
        cluster.Network.Kill(B);

        for (var round = 1; round < cluster.Options.NumMissedProbesLimit; round++)
            await a.ProbeRoundAsync(CancellationToken.None);
        var beforeLimit = await cluster.RowAsync(B);
        await a.ProbeRoundAsync(CancellationToken.None);

        Assert.Equal(SiloStatus.Active, beforeLimit.Status);
        Assert.Empty(beforeLimit.Suspicions);
        Assert.Equal(SiloStatus.Dead, (await cluster.RowAsync(B)).Status);
        Assert.Equal([A], a.Current.ActiveSilos);
    }

    [Fact]
    public async Task Votes_older_than_the_expiration_do_not_count()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        var c = await cluster.JoinAsync(C);

        Assert.False(await a.TryToSuspectOrKillAsync(C, CancellationToken.None));
        cluster.Time.Advance(cluster.Options.DeathVoteExpirationTimeout + TimeSpan.FromSeconds(1));
        foreach (var oracle in new[] { a, b, c })
            await oracle.PublishIAmAliveAsync(CancellationToken.None); // still alive, so the quorum stays 2 of 3
        Assert.False(await b.TryToSuspectOrKillAsync(C, CancellationToken.None));

        var row = await cluster.RowAsync(C);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([B], row.Suspicions.Select(vote => vote.Suspecter)); // the expired vote was dropped
    }

    [Fact]
    public async Task Votes_of_a_silo_that_is_itself_dead_do_not_count()
    {
        await using var cluster = new ClusterHarness();
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        var c = await cluster.JoinAsync(C);
        await cluster.JoinAsync(ClusterHarness.Address(4));
        Assert.False(await c.TryToSuspectOrKillAsync(A, CancellationToken.None)); // C votes against A...
        Assert.False(await a.TryToSuspectOrKillAsync(C, CancellationToken.None));
        Assert.True(await b.TryToSuspectOrKillAsync(C, CancellationToken.None)); // ...then C is declared dead

        Assert.False(await b.TryToSuspectOrKillAsync(A, CancellationToken.None));

        var row = await cluster.RowAsync(A);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([B], row.Suspicions.Select(vote => vote.Suspecter));
    }

    [Fact]
    public async Task Each_silo_probes_its_successors_on_the_ring_and_every_silo_is_watched()
    {
        var silos = Enumerable.Range(1, 8).Select(n => ClusterHarness.Address(n)).ToArray();

        var targets = silos.ToDictionary(silo => silo, silo => ProbeTargets.Select(silos, silo, 3));

        Assert.All(targets, pair => Assert.Equal(3, pair.Value.Distinct().Count()));
        Assert.All(targets, pair => Assert.DoesNotContain(pair.Key, pair.Value));
        Assert.All(silos, silo => Assert.Equal(3, targets.Count(pair => pair.Value.Contains(silo))));
        Assert.Equal(2, ProbeTargets.Select(silos[..3], silos[0], 3).Count);
        Assert.Empty(ProbeTargets.Select([silos[0]], silos[0], 3));
    }
}
