using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using QuantumScheduler.Runtime.TestingHost;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

/// <summary>Idle collection, requested deactivation and silo stop. Collection is triggered by hand (the
/// background quantum is an hour) so the tests do not depend on timing.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMilliseconds(100);

    private readonly TestCluster _cluster = new TestClusterBuilder()
        .AddConfiguration("QuantumScheduler:GrainCollection:CollectionAge", CollectionAge.ToString())
        .AddConfiguration("QuantumScheduler:GrainCollection:CollectionQuantum", "01:00:00")
        .Build();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private IGrainFactory Grains => _cluster.Client;

    private async Task CollectAfterAge()
    {
        await Task.Delay(CollectionAge * 2);
        _cluster.Primary.Services.GetRequiredService<ActivationCollector>().CollectIdleActivations();
    }

    [Fact]
    public async Task An_idle_activation_is_collected_writing_its_state_and_the_next_call_reactivates_it()
    {
        var key = Guid.NewGuid().ToString();
        var grain = Grains.GetGrain<IStatefulGrain>(key);
        var first = await grain.GetActivationId();
        await grain.Set(42, write: false);

        await CollectAfterAge();
        await Eventually.True(() => StatefulGrain.Deactivations.ContainsKey(key));

        Assert.Equal([DeactivationReasonCode.ActivationIdle], StatefulGrain.Deactivations[key]);
        Assert.NotEqual(first, await grain.GetActivationId());
        Assert.Equal(42, await grain.GetValueSeenAtActivation());
    }

    [Fact]
    public async Task Background_collection_runs_every_quantum()
    {
        await using var cluster = new TestClusterBuilder()
            .AddConfiguration("QuantumScheduler:GrainCollection:CollectionAge", "00:00:00.100")
            .AddConfiguration("QuantumScheduler:GrainCollection:CollectionQuantum", "00:00:00.100")
            .Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString();
        await cluster.Client.GetGrain<IStatefulGrain>(key).Set(1, write: false);

        await Eventually.True(() => StatefulGrain.Deactivations.ContainsKey(key));
    }

    [Fact]
    public async Task A_keep_alive_grain_is_not_collected()
    {
        var grain = Grains.GetGrain<IKeepAliveGrain>(Guid.NewGuid().ToString());
        var first = await grain.GetActivationId();

        await CollectAfterAge();

        Assert.Equal(first, await grain.GetActivationId());
    }

    [Fact]
    public async Task A_timer_keeps_its_grain_alive_only_when_asked()
    {
        var plain = Grains.GetGrain<ITimerGrain>(Guid.NewGuid().ToString());
        var kept = Grains.GetGrain<ITimerGrain>(Guid.NewGuid().ToString());
        var plainId = await plain.GetActivationId();
        var keptId = await kept.GetActivationId();
        await plain.StartTimer(TimeSpan.FromMilliseconds(10), interleave: false, callbackMilliseconds: 0, keepAlive: false);
        await kept.StartTimer(TimeSpan.FromMilliseconds(10), interleave: false, callbackMilliseconds: 0, keepAlive: true);

        // A pass skips an activation whose tick happens to be running, so collect until the plain one goes.
        await Task.Delay(CollectionAge * 2);
        var services = _cluster.Primary.Services;
        var catalog = services.GetRequiredService<Catalog>();
        await Eventually.True(() =>
        {
            services.GetRequiredService<ActivationCollector>().CollectIdleActivations();
            return catalog.Activations.All(activation => activation.ActivationId != plainId);
        });

        Assert.Equal(keptId, await kept.GetActivationId());
    }

    [Fact]
    public async Task DelayDeactivation_holds_off_collection_until_it_is_reset()
    {
        var grain = Grains.GetGrain<ILifetimeGrain>(Guid.NewGuid().ToString());
        var first = await grain.GetActivationId();

        await grain.KeepFor(TimeSpan.FromHours(1));
        await CollectAfterAge();
        Assert.Equal(first, await grain.GetActivationId());

        await grain.KeepFor(TimeSpan.Zero);
        await CollectAfterAge();
        await Eventually.Get(() => grain.GetActivationId(), id => id != first);
    }

    [Fact]
    public async Task A_class_collection_age_overrides_the_silo_default()
    {
        await using var cluster = new TestClusterBuilder()
            .AddConfiguration("QuantumScheduler:GrainCollection:CollectionQuantum", "01:00:00")
            .Build();
        await cluster.DeployAsync();
        var shortLived = cluster.Client.GetGrain<IShortLivedGrain>("s");
        var regular = cluster.Client.GetGrain<ILifetimeGrain>("r");
        var shortLivedId = await shortLived.GetActivationId();
        var regularId = await regular.GetActivationId();

        await Task.Delay(300);
        cluster.Primary.Services.GetRequiredService<ActivationCollector>().CollectIdleActivations();

        await Eventually.Get(() => shortLived.GetActivationId(), id => id != shortLivedId);
        Assert.Equal(regularId, await regular.GetActivationId());
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_turn()
    {
        var key = Guid.NewGuid().ToString();
        var grain = Grains.GetGrain<IStatefulGrain>(key);
        var first = await grain.GetActivationId();
        await grain.Set(7, write: false);

        await grain.Deactivate();

        Assert.NotEqual(first, await grain.GetActivationId());
        Assert.Equal(7, await grain.Get());
        Assert.Equal([DeactivationReasonCode.ApplicationRequested], StatefulGrain.Deactivations[key]);
    }

    [Fact]
    public async Task Stopping_the_silo_finishes_running_turns_deactivates_every_grain_and_refuses_new_calls()
    {
        var key = Guid.NewGuid().ToString();
        var client = _cluster.Client;
        await client.GetGrain<IStatefulGrain>(key).Set(3, write: false);
        var running = client.GetGrain<ISlowGrain>(key).Sleep(300);
        var silo = _cluster.Primary;

        await silo.Host.StopAsync();

        await running;
        Assert.Equal([DeactivationReasonCode.ShuttingDown], StatefulGrain.Deactivations[key]);
        Assert.Equal(SiloStatus.Dead, silo.Status);
        Assert.Equal(0, silo.Silo.ActivationCount);
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => client.GetGrain<IStatefulGrain>(key).Get());
        Assert.True(refused.IsRetryable);
    }
}
