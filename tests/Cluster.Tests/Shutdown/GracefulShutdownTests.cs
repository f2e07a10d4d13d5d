using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime.Client;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Shutdown;

/// <summary>A silo stopped gracefully (SIGTERM) under steady client load: no call fails, no acknowledged write is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GracefulShutdownTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const int Workers = 12;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Stopping_the_clients_gateway_fails_no_call_and_loses_no_acknowledged_write()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var client = await StartClientAsync(silos);
        var load = CounterLoad.OnFixedGrains(client.Client, "stop-gateway", Workers);
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(30));

        var gateway = silos.Single(silo => silo.Ready.Silo == client.CurrentGateway);
        await StopUnderLoadAsync(gateway, load, client);

        Assert.NotEqual(gateway.Ready.Silo, client.CurrentGateway);
    }

    [Fact]
    public async Task Stopping_a_silo_behind_the_gateway_fails_no_call_and_loses_no_acknowledged_write()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var client = await StartClientAsync(silos);
        var load = CounterLoad.OnFixedGrains(client.Client, "stop-behind", Workers);
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(30));

        var hosts = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => client.Client.GetGrain<ICounterGrain>($"stop-behind-{worker}").GetSiloName()));
        var leaving = silos.Where(silo => silo.Ready.Silo != client.CurrentGateway).MaxBy(silo => hosts.Count(host => host == silo.Name))!;
        Assert.Contains(leaving.Name, hosts);
        await StopUnderLoadAsync(leaving, load, client);
    }

    [Fact]
    public async Task Grain_calls_into_a_stopping_silo_are_resent_by_the_calling_silo_and_none_fails()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var client = await StartClientAsync(silos);
        var load = CounterLoad.OnFixedGrainsThroughRelays(client.Client, "relayed", Workers);
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(30));

        var hosts = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => client.Client.GetGrain<ICounterGrain>($"relayed-{worker}").GetSiloName()));
        var leaving = silos.Where(silo => silo.Ready.Silo != client.CurrentGateway).MaxBy(silo => hosts.Count(host => host == silo.Name))!;
        Assert.Contains(leaving.Name, hosts);
        var resentBefore = client.Retries;
        var resentByClient = await StopUnderLoadAsync(leaving, load, client) - resentBefore;

        // The relays live on the gateway, which stays: every refusal was resent by the gateway silo's runtime, none by the client.
        Assert.Equal(0, resentByClient);
    }

    private async Task<TestClusterClient> StartClientAsync(IReadOnlyList<ProcessSilo> silos) =>
        await TestClusterClient.StartAsync(log, builder => builder.UseStaticGateways(silos.Select(static silo => silo.Ready.Gateway!).ToArray()));

    /// <summary>Stops <paramref name="leaving"/> under <paramref name="load"/>, checks that no call failed and no acknowledged
    /// write was lost, and returns how many calls the client had resent when the load ended.</summary>
    private async Task<long> StopUnderLoadAsync(ProcessSilo leaving, CounterLoad load, TestClusterClient client)
    {
        var stoppedAt = load.Now;
        Assert.Equal(0, await leaving.StopAsync(ClusterProcesses.StopTimeout));
        await load.WaitForAckedCallsAsync(300, TimeSpan.FromSeconds(60));
        await load.StopAsync();
        var resent = client.Retries;

        Assert.True(load.Failures.Count == 0, $"{load.Failures.Count} calls failed: {CounterLoad.Describe(load.Failures)}");
        foreach (var (key, acked) in load.Acked)
            Assert.Equal(acked, await client.Client.GetGrain<ICounterGrain>(key).Get());
        log.WriteLine($"graceful stop of {leaving.Name}: longest stall {load.LongestStallAfter(stoppedAt).TotalMilliseconds:F0} ms; " +
            $"{load.AckedCalls} calls acknowledged, 0 failed, {resent} resent by the client");
        return resent;
    }
}
