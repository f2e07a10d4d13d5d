using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Client;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Client;

/// <summary>The test process as an external client of a three-silo cluster whose gateway dies.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientFailoverTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const int Workers = 8;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_client_learns_the_gateways_from_the_membership_table_and_calls_grains()
    {
        var silos = await _cluster.StartSilosAsync(2);
        await using var client = await TestClusterClient.StartAsync(log, builder => builder.UsePostgreSqlGatewayList(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.ClusterId = _cluster.ClusterId;
        }));

        var grain = client.Client.GetGrain<ICounterGrain>("membership-listed");
        Assert.Equal(1, await grain.Increment());
        Assert.Equal(2, await grain.Increment());
        Assert.Contains(await grain.GetSiloName(), silos.Select(static silo => silo.Name));
        Assert.Contains(client.CurrentGateway, silos.Select(static silo => silo.Ready.Silo));
    }

    [Fact]
    public async Task The_client_survives_the_kill_of_its_gateway_and_continues_on_another()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var client = await TestClusterClient.StartAsync(log, builder => builder.UseStaticGateways(silos.Select(static silo => silo.Ready.Gateway!).ToArray()));
        var load = CounterLoad.OnFreshGrains(client.Client, "failover", Workers);
        await load.WaitForAckedCallsAsync(200, TimeSpan.FromSeconds(30));

        var gateway = silos.Single(silo => silo.Ready.Silo == client.CurrentGateway);
        var killedAt = load.Now;
        await gateway.KillAsync();
        await load.WaitForAckedCallsAsync(150, TimeSpan.FromSeconds(60));
        await load.StopAsync();

        Assert.NotNull(client.CurrentGateway);
        Assert.NotEqual(gateway.Ready.Silo, client.CurrentGateway);
        // Only calls that may have run on the killed silo may fail, as "may have run": the call each worker had under
        // way on the dead connection, and a call the new gateway had just sent to a grain placed on the killed silo
        // before the gateway saw that silo's connection break. Every other call succeeds.
        var killed = gateway.Ready.Silo;
        Assert.True(load.Failures.All(failure => failure.Error is GatewayConnectionLostException
                || failure.Error is SiloUnavailableException { MayHaveRun: true } lost && lost.Message.Contains(killed, StringComparison.Ordinal)),
            $"a failure other than a call lost with the killed silo {killed}: {CounterLoad.Describe(load.Failures)}");
        Assert.True(load.Failures.Where(static failure => failure.Error is GatewayConnectionLostException)
                .CountBy(static failure => failure.GrainKey.Split('-')[1]).All(static worker => worker.Value == 1),
            $"a worker lost more than one call with its gateway's connection: {CounterLoad.Describe(load.Failures)}");
        log.WriteLine($"failover: first success {load.FirstSuccessAfter(killedAt)?.TotalMilliseconds:F0} ms after the kill, longest stall {load.LongestStallAfter(killedAt).TotalMilliseconds:F0} ms; " +
            $"{load.AckedCalls} calls acknowledged, {load.Failures.Count(static failure => failure.Error is GatewayConnectionLostException)} lost with the gateway's connection, " +
            $"{load.Failures.Count(static failure => failure.Error is SiloUnavailableException)} with the killed silo, {client.Retries} resent");
    }
}
