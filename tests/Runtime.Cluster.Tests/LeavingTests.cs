using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

/// <summary>The transport's side of a graceful stop: the leaving silo tells its peers, they stop sending it requests and
/// resend them elsewhere, and it closes only once they have acknowledged; a forwarded request is followed by its sender.</summary>
public sealed class LeavingTests
{
    [Fact]
    public async Task Calls_into_a_silo_that_stops_under_load_are_resent_elsewhere_and_none_fails()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var (a, b, c) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var keys = Enumerable.Range(0, 24).Select(i => $"leaving-{Guid.NewGuid():N}-{i}").ToArray();
        foreach (var key in keys)
            Assert.Equal(b.Name, await b.Client.Get<LocalGrain>(key).GetSilo());

        var failures = new List<Exception>();
        var answered = 0L;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await a.Client.Get<LocalGrain>(keys[i % keys.Length]).Echo("ping");
                    Interlocked.Increment(ref answered);
                }
                catch (Exception exception)
                {
                    lock (failures)
                        failures.Add(exception);
                }
            }
        })).ToArray();
        await Eventually.TrueAsync(() => Interlocked.Read(ref answered) > 500, "calls flow to silo B");

        var leaving = b.Address;
        await cluster.StopSiloAsync(b);
        var afterStop = Interlocked.Read(ref answered);
        await Eventually.TrueAsync(() => Interlocked.Read(ref answered) > afterStop + 500, "calls flow again after silo B left");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(failures.Count == 0, $"{failures.Count} calls failed; first: {failures.FirstOrDefault()}");
        // Both survivors heard B leave from B itself: the static view they run on would list it as active for good.
        Assert.True(a.Get<DepartingSilos>().Contains(leaving));
        Assert.True(c.Get<DepartingSilos>().Contains(leaving));
        foreach (var key in keys)
            Assert.NotEqual(b.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
    }

    [Fact]
    public async Task A_grain_deactivating_on_a_stopping_silo_can_still_call_a_grain_on_another_silo()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var (farewellKey, listenerKey) = ($"farewell-{Guid.NewGuid():N}", $"listener-{Guid.NewGuid():N}");
        var listener = a.Client.Get<LocalGrain>(listenerKey);
        Assert.Equal(a.Name, await listener.GetSilo());
        await b.Client.GetGrain<IFarewellGrain>(farewellKey).Greet(listener);

        await cluster.StopSiloAsync(b);

        Assert.Equal($"goodbye from {a.Name}", FarewellGrain.Outcomes[farewellKey]);
    }

    [Fact]
    public async Task A_new_activation_is_never_placed_on_a_silo_that_announced_its_departure()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        await cluster.StopSiloAsync(b);

        var hosts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => a.Client.Get<RandomGrain>($"placed-{Guid.NewGuid():N}-{i}").GetSilo()));

        Assert.All(hosts, host => Assert.Equal(a.Name, host));
    }

    [Fact]
    public async Task A_request_delivered_once_the_silo_began_to_stop_creates_no_activation_and_is_refused()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var b = cluster.Silos[1];
        var grain = new GrainId("local", Guid.NewGuid().ToString("N"));
        var request = new Message
        {
            Id = b.Get<GrainReferences.GrainReferenceRuntime>().NextMessageId(),
            Direction = MessageDirection.Request,
            TargetGrain = grain,
            InterfaceType = typeof(ILocatedGrain),
            MethodName = nameof(ILocatedGrain.GetSilo),
            Body = new object(),
        };
        var callback = new ResponseCallback(request, TimeSpan.FromMinutes(1));
        b.Get<ResponseCallbacks>().Register(callback);

        // What a delivery thread does when it passed the "accepting calls" check just before the stop began.
        b.Get<LocalSilo>().SetStatus(SiloStatus.ShuttingDown);
        try
        {
            b.Get<Activation.Catalog>().Deliver(request);

            Assert.False(b.Get<Activation.Catalog>().IsActiveHere(grain));
            var response = await callback.Task.AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(Assert.IsType<SiloUnavailableException>(response.Exception).IsRetryable);
        }
        finally
        {
            b.Get<LocalSilo>().SetStatus(SiloStatus.Active);
        }
    }

    [Fact]
    public async Task A_call_forwarded_to_a_silo_that_is_then_lost_fails_at_once_instead_of_at_its_timeout()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var (a, b, c) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var callbacks = a.Get<ResponseCallbacks>();
        var forwarded = PendingCallTo(callbacks, b.Address, a.Get<GrainReferences.GrainReferenceRuntime>().NextMessageId());
        var notForwarded = PendingCallTo(callbacks, b.Address, a.Get<GrainReferences.GrainReferenceRuntime>().NextMessageId());

        // What silo B does when an activation there loses the directory race and passes A's request on to silo C.
        b.Get<SiloConnectionManager>().NotifyForwarded(a.Address, forwarded.Request.Id, c.Address);
        var lostSilo = c.Address;
        await Eventually.TrueAsync(() => forwarded.Request.TargetSilo == lostSilo, "silo A follows its request to silo C");
        await cluster.KillSiloAsync(c);

        var response = await forwarded.Task.AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        var lost = Assert.IsType<SiloUnavailableException>(response.Exception);
        Assert.True(lost.MayHaveRun);
        Assert.Contains(lostSilo.ToString(), lost.Message);
        // The call that stayed with silo B is not failed by silo C's loss.
        Assert.False(notForwarded.Task.IsCompleted);
    }

    private static ResponseCallback PendingCallTo(ResponseCallbacks callbacks, SiloAddress target, long messageId)
    {
        var request = new Message
        {
            Id = messageId,
            Direction = MessageDirection.Request,
            TargetGrain = new GrainId("leaving-test", messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            InterfaceType = typeof(ILocatedGrain),
            MethodName = nameof(ILocatedGrain.GetSilo),
            TargetSilo = target,
        };
        var callback = new ResponseCallback(request, TimeSpan.FromMinutes(1));
        callbacks.Register(callback);
        return callback;
    }
}
