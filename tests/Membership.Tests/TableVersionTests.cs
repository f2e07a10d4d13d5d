using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class TableVersionTests
{
    private static readonly GrainDirectory.SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2),
        C = ClusterHarness.Address(3), D = ClusterHarness.Address(4);

    [Fact]
    public async Task Two_oracles_voting_with_the_same_table_version_one_wins_and_the_other_re_reads_and_adds_its_vote()
    {
        var table = new RacingTable(new InMemoryMembershipTable());
        await using var cluster = new ClusterHarness(table);
        var a = await cluster.JoinAsync(A);
        var b = await cluster.JoinAsync(B);
        await cluster.JoinAsync(C);
        await cluster.JoinAsync(D);
        var version = await cluster.VersionAsync();
        var writesBefore = table.Writes.Count;

        table.HoldNextReads(2);
        var votes = await Task.WhenAll(
            Task.Run(() => a.TryToSuspectOrKillAsync(C, CancellationToken.None)),
            Task.Run(() => b.TryToSuspectOrKillAsync(C, CancellationToken.None)));

        var raced = table.Writes.Skip(writesBefore).Where(write => write.Version == version).ToArray();
        Assert.Equal(2, raced.Length);
        Assert.Single(raced, write => write.Won);
        Assert.Equal([false, true], votes.Order()); // the loser's retry saw the winner's vote and completed the quorum
        var row = await cluster.RowAsync(C);
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal([A, B], row.Suspicions.Select(vote => vote.Suspecter).OrderBy(silo => silo.ToString()));
        Assert.Equal(version + 2, await cluster.VersionAsync());
    }

    [Fact]
    public async Task Two_silos_joining_with_the_same_table_version_both_join_one_write_at_a_time()
    {
        var table = new RacingTable(new InMemoryMembershipTable());
        await using var cluster = new ClusterHarness(table);
        await cluster.JoinAsync(A);
        var version = await cluster.VersionAsync();

        table.HoldNextReads(2);
        await Task.WhenAll(Task.Run(() => cluster.JoinAsync(B)), Task.Run(() => cluster.JoinAsync(C)));

        Assert.Single(table.Writes, write => write.Version == version && write.Won);
        Assert.Single(table.Writes, write => write.Version == version && !write.Won);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(B)).Status);
        Assert.Equal(SiloStatus.Active, (await cluster.RowAsync(C)).Status);
    }

    [Fact]
    public async Task The_in_memory_table_bumps_the_version_by_one_per_write_and_leaves_it_alone_for_IAmAlive()
    {
        var table = new InMemoryMembershipTable();
        var entry = new MembershipEntry { Silo = A, Status = SiloStatus.Joining, StartedAt = ClusterHarness.Epoch.UtcDateTime, IAmAliveAt = ClusterHarness.Epoch.UtcDateTime };

        Assert.True(await table.InsertRowAsync(entry, 0, CancellationToken.None));
        Assert.False(await table.InsertRowAsync(entry with { Silo = B }, 0, CancellationToken.None));
        var read = await table.ReadAllAsync(CancellationToken.None);
        var etag = Assert.Single(read.Rows).ETag;
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, etag, 1, CancellationToken.None));
        Assert.False(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag, 2, CancellationToken.None)); // stale ETag
        Assert.False(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, (await table.ReadAllAsync(CancellationToken.None)).Rows[0].ETag, 1, CancellationToken.None)); // stale version
        var alive = ClusterHarness.Epoch.UtcDateTime.AddMinutes(1);
        await table.UpdateIAmAliveAsync(A, alive, CancellationToken.None);

        var final = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, final.Version);
        Assert.Equal(SiloStatus.Active, final.Rows[0].Entry.Status);
        Assert.Equal(alive, final.Rows[0].Entry.IAmAliveAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.UpdateIAmAliveAsync(B, alive, CancellationToken.None));
    }
}
