using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuantumScheduler.Runtime.Client;
using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.Gateway;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

/// <summary>An external client in this process, connected to a silo's gateway over TCP.</summary>
public sealed class GatewayTests
{
    [Fact]
    public async Task A_grain_that_blocks_its_thread_does_not_hold_up_other_calls_from_the_same_client_connection()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, new Dictionary<string, string?> { ["QuantumScheduler:Endpoints:GatewayPort"] = "0" });
        var silo = cluster.Silos[0];
        var gateway = silo.Get<ClientGateway>().Endpoint!.Value.ToString();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseQuantumSchedulerClient(client => client.UseStaticGateways(gateway));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IClusterClient>();
        var (blockingKey, otherKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        Assert.Equal(silo.Name, await client.Get<BlockingGrain>(blockingKey).GetSilo());
        Assert.Equal(silo.Name, await client.Get<LocalGrain>(otherKey).GetSilo());

        var blocking = client.Get<BlockingGrain>(blockingKey).Echo("slow");
        await Eventually.TrueAsync(() => BlockingGrain.Started.ContainsKey(blockingKey), "the blocking call runs on the silo");
        var answer = await client.Get<LocalGrain>(otherKey).Echo("quick");

        Assert.Equal($"quick from {silo.Name}", answer);
        Assert.False(blocking.IsCompleted, "the quick call was answered while the blocking one still held its thread");
        BlockingGrain.Release.GetOrAdd(blockingKey, static _ => new ManualResetEventSlim()).Set();
        Assert.Equal("slow", await blocking);
        await host.StopAsync();
    }
}
