using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.Cluster.Tests.Membership;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime.Client;
using QuantumScheduler.Runtime.Hosting;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Crash;

/// <summary>A silo killed with SIGKILL while a client keeps calling grains on it: the grains re-activate elsewhere and
/// no write acknowledged before the kill is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloCrashUnderLoadTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const int Workers = 12;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);
    private MembershipTableProbe _membership = null!;

    public Task InitializeAsync()
    {
        _membership = new MembershipTableProbe(database.ConnectionString, _cluster.ClusterId);
        ShortMembershipSettings.ApplyTo(_cluster.Environment);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _membership.DisposeAsync();
    }

    [Fact]
    public async Task Grains_of_a_killed_silo_reactivate_elsewhere_and_keep_every_acknowledged_write()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var client = await TestClusterClient.StartAsync(log, builder => builder.UseStaticGateways(silos.Select(static silo => silo.Ready.Gateway!).ToArray()));
        var load = CounterLoad.OnFixedGrains(client.Client, "crash", Workers);
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(30));

        var keys = Enumerable.Range(0, Workers).Select(static worker => $"crash-{worker}").ToArray();
        var hosts = await Task.WhenAll(keys.Select(key => client.Client.GetGrain<ICounterGrain>(key).GetSiloName()));
        var victim = silos.Where(silo => silo.Ready.Silo != client.CurrentGateway).MaxBy(silo => hosts.Count(host => host == silo.Name))!;
        var victimKeys = keys.Where((_, i) => hosts[i] == victim.Name).ToArray();
        Assert.NotEmpty(victimKeys);

        var killedAt = load.Now;
        await victim.KillAsync();
        await _membership.WaitForStatusAsync(victim.Ready.Silo, SiloStatus.Dead, TimeSpan.FromSeconds(60));
        var declaredDeadAfter = load.Now - killedAt;
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(60));
        await load.StopAsync();

        // Calls in flight to the dead silo may fail (their increment may or may not have been written); a later call on
        // the same grain then sees that write, which the load records as a mismatch. Nothing else may fail.
        var lost = load.Failures.Where(static failure => failure.Error is not InvalidOperationException).ToList();
        Assert.All(lost, failure => Assert.Contains(failure.GrainKey, victimKeys));
        Assert.All(load.Failures.Where(static failure => failure.Error is InvalidOperationException),
            mismatch => Assert.Contains(lost, failure => failure.GrainKey == mismatch.GrainKey && failure.StartedAt < mismatch.StartedAt));
        foreach (var key in keys)
        {
            var grain = client.Client.GetGrain<ICounterGrain>(key);
            var stored = await grain.Get();
            var mayHaveRun = lost.Count(failure => failure.GrainKey == key);
            Assert.InRange(stored, load.Acked[key], load.Acked[key] + mayHaveRun);
            Assert.NotEqual(victim.Name, await grain.GetSiloName());
        }
        log.WriteLine($"kill -9 of {victim.Name} (hosting {victimKeys.Length} of {Workers} counters): declared dead after {declaredDeadAfter.TotalSeconds:F1} s, " +
            $"first success after the kill {load.FirstSuccessAfter(killedAt)?.TotalMilliseconds:F0} ms, longest stall {load.LongestStallAfter(killedAt).TotalMilliseconds:F0} ms; " +
            $"{load.AckedCalls} calls acknowledged, {lost.Count} in flight at the kill failed, every acknowledged write intact");
    }
}
