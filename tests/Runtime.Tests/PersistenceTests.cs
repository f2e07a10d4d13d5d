using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using QuantumScheduler.Runtime.TestingHost;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class PersistenceTests
{
    /// <summary>A provider whose reads fail, to show a failing state load fails the activation.</summary>
    private sealed class BrokenStorage : IGrainStorage
    {
        public Task<GrainStateRecord?> ReadAsync(string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken) =>
            throw new IOException("the disk is on fire");

        public Task<string> WriteAsync(string grainType, string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken) =>
            throw new IOException("the disk is on fire");

        public Task<string> ClearAsync(string grainType, string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken) =>
            throw new IOException("the disk is on fire");
    }

    [Fact]
    public async Task State_is_loaded_before_OnActivateAsync()
    {
        await using var cluster = new TestClusterBuilder().Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString();
        var grain = cluster.Client.GetGrain<IStatefulGrain>(key);
        await grain.Set(11, write: true);

        await grain.Deactivate();

        Assert.Equal(11, await grain.GetValueSeenAtActivation());
    }

    [Fact]
    public async Task A_failing_state_load_fails_the_call_and_OnActivateAsync_never_runs()
    {
        await using var cluster = new TestClusterBuilder()
            .ConfigureSilo(silo => silo.Services.AddKeyedSingleton<IGrainStorage>("Broken", new BrokenStorage()))
            .Build();
        await cluster.DeployAsync();
        var before = BrokenStateGrain.Activations;

        var failure = await Assert.ThrowsAsync<IOException>(() => cluster.Client.GetGrain<IBrokenStateGrain>("b").Get());

        Assert.Equal("the disk is on fire", failure.Message);
        Assert.Equal(before, BrokenStateGrain.Activations);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected()
    {
        await using var cluster = new TestClusterBuilder().Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IStatefulGrain>(Guid.NewGuid().ToString());
        await grain.Set(1, write: true);

        // Someone else writes the same state behind the activation's back.
        var services = cluster.Primary.Services;
        var storage = services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = grain.GetGrainId();
        var stored = await storage.ReadAsync(grainId.Type, "counter", grainId, CancellationToken.None);
        var serializer = services.GetRequiredService<ISerializer>();
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        serializer.Serialize(new CounterState { Value = 100 }, bytes);
        await storage.WriteAsync(grainId.Type, "counter", grainId, bytes.WrittenMemory, stored!.Etag, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Set(2, write: true));
    }

    [Fact]
    public async Task State_and_reminders_survive_a_silo_restart_on_sqlite()
    {
        using var data = new TempDirectory();
        await using var cluster = new TestClusterBuilder()
            .UseSqliteStorage(data.Path)
            .ConfigureSilo(silo => silo.Services.Configure<Reminders.ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1)))
            .Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString();
        await cluster.Client.GetGrain<IStatefulGrain>(key).Set(5, write: false);
        await cluster.Client.GetGrain<IReminderGrain>(key).Start(dueTime: TimeSpan.FromSeconds(1), period: TimeSpan.FromSeconds(1));

        await cluster.RestartSiloAsync(cluster.Primary);

        Assert.Equal(5, await cluster.Client.GetGrain<IStatefulGrain>(key).Get());
        var reminderGrain = cluster.Client.GetGrain<IReminderGrain>(key);
        Assert.True(await reminderGrain.HasReminder());
        await Eventually.Get(() => reminderGrain.GetTicks(), static ticks => ticks >= 1, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_killed_silo_writes_nothing_and_a_new_silo_reloads_the_last_written_state()
    {
        using var data = new TempDirectory();
        await using var cluster = new TestClusterBuilder().UseSqliteStorage(data.Path).Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString();
        await cluster.Client.GetGrain<IStatefulGrain>(key).Set(1, write: true);
        await cluster.Client.GetGrain<IStatefulGrain>(key).Set(2, write: false);

        await cluster.KillSiloAsync(cluster.Primary);
        await cluster.StartSiloAsync();

        Assert.False(StatefulGrain.Deactivations.ContainsKey(key));
        Assert.Equal(1, await cluster.Client.GetGrain<IStatefulGrain>(key).Get());
    }
}
