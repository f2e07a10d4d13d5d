using System.Net;
using System.Net.Sockets;
using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Networking;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task A_probe_is_answered_only_by_the_generation_it_names()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var prober = a.Get<ISiloProber>();

        Assert.True(await prober.ProbeAsync(b.Address, 1, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.False(await prober.ProbeAsync(b.Address with { Generation = b.Address.Generation - 1 }, 2, TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task A_silo_that_was_unreachable_is_reached_again_after_the_reconnection_delay()
    {
        var port = FreePort();
        await using var cluster = await InProcessCluster.StartAsync(1);
        var prober = cluster.Silos[0].Get<ISiloProber>();
        var nobody = new SiloAddress("127.0.0.1", port, 0);

        Assert.False(await prober.ProbeAsync(nobody, 1, TimeSpan.FromSeconds(2), CancellationToken.None));
        await cluster.StartSiloAsync(port);

        var probes = 1;
        await Eventually.TrueAsync(() => prober.ProbeAsync(nobody, ++probes, TimeSpan.FromSeconds(2), CancellationToken.None).Result,
            "the restarted endpoint answers a probe");
    }

    [Fact]
    public async Task A_broken_connection_is_re_established_by_the_next_call()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        await b.Client.Get<LocalGrain>(key).GetSilo();
        Assert.Equal(b.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
        var transport = a.Get<SiloConnectionManager>();
        var connections = 0;
        transport.SiloConnected += silo => { if (silo == b.Address) Interlocked.Increment(ref connections); };

        transport.Disconnect(b.Address, "cut by the test");
        await Eventually.TrueAsync(() => !transport.ConnectedSilos.Contains(b.Address), "the link is closed");

        Assert.Equal(b.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
        // At least the call's own dial; silo B may have dialled back too (its statistics and probes go to A as well).
        Assert.True(connections >= 1, "no new link to silo B was made");
        Assert.Contains(b.Address, transport.ConnectedSilos);
    }

    [Fact]
    public async Task Requests_beyond_the_send_queue_capacity_fail_at_once_with_a_retryable_error()
    {
        // A listener that accepts and never completes the handshake: requests to it stay queued.
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var endpoint = (IPEndPoint)blackHole.LocalEndpoint;
        await using var cluster = await InProcessCluster.StartAsync(1, new Dictionary<string, string?>
        {
            ["QuantumScheduler:Transport:SendQueueCapacity"] = "2",
            ["QuantumScheduler:Transport:ConnectTimeout"] = "00:00:02",
        });
        var silo = cluster.Silos[0];
        var grains = Enumerable.Range(0, 3).Select(_ => silo.Client.Get<LocalGrain>(Guid.NewGuid().ToString())).ToArray();
        var silent = new SiloAddress("127.0.0.1", endpoint.Port, 42);
        foreach (var grain in grains)
            silo.Get<DirectoryCache>().Set(((GrainReference)grain).GrainId, silent);

        var queued = grains.Take(2).Select(grain => grain.GetSilo()).ToArray();
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => grains[2].GetSilo());

        Assert.Contains("send queue", refused.Message);
        Assert.Contains("SendQueueCapacity", refused.Message);
        foreach (var call in queued)
        {
            var unreachable = await Assert.ThrowsAsync<SiloUnavailableException>(() => call);
            Assert.Contains("unreachable", unreachable.Message);
        }
    }

    [Fact]
    public async Task Calls_waiting_for_a_silo_fail_as_soon_as_its_connection_is_lost()
    {
        await using var cluster = await InProcessCluster.StartAsync(2, new Dictionary<string, string?>
        {
            ["QuantumScheduler:Messaging:ResponseTimeout"] = "00:01:00",
        });
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        await b.Client.Get<SlowGrain>(key).GetSilo();

        var waiting = a.Client.Get<SlowGrain>(key).Echo("never answered");
        await Eventually.TrueAsync(() => SlowGrain.Started.ContainsKey(key), "the slow call runs on silo B");
        await cluster.KillSiloAsync(b);

        var lost = await Assert.ThrowsAsync<SiloUnavailableException>(() => waiting);
        Assert.Contains("may or may not have run", lost.Message);
    }

    [Fact]
    public async Task A_grain_whose_call_was_lost_with_its_silo_fails_its_own_caller_which_does_not_resend_it()
    {
        await using var cluster = await InProcessCluster.StartAsync(3, new Dictionary<string, string?>
        {
            ["QuantumScheduler:Messaging:ResponseTimeout"] = "00:01:00",
        });
        var (a, b, c) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var key = Guid.NewGuid().ToString();
        var relay = b.Client.Get<LocalGrain>(key);
        await relay.GetSilo();
        var slow = c.Client.Get<SlowGrain>(key);
        await slow.GetSilo();

        // A calls the relay on B, which calls the slow grain on C; C dies while B waits for it.
        var waiting = a.Client.Get<LocalGrain>(key).Relay(slow, "lost");
        await Eventually.TrueAsync(() => SlowGrain.Started.ContainsKey(key), "the relayed call runs on silo C");
        await cluster.KillSiloAsync(c);

        // B's failure says the call may have run; read on A as a refusal, A would run the relay again.
        var lost = await Assert.ThrowsAsync<SiloUnavailableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(lost.MayHaveRun, lost.Message);
        Assert.Equal(1, LocatedGrainBase.Relays[key]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
