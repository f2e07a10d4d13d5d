using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class ActivationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Concurrent_first_calls_share_one_activation()
    {
        var key = Guid.NewGuid().ToString();
        var grain = fixture.Grains.GetGrain<IActivationCountingGrain>(key);

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.GetActivationId())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, ActivationCountingGrain.Activations[key]);
    }

    [Fact]
    public async Task Failed_activation_fails_the_triggering_call_and_the_next_call_retries()
    {
        var key = Guid.NewGuid().ToString();
        var grain = fixture.Grains.GetGrain<IFlakyActivationGrain>(key);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetAttempt());
        Assert.Equal($"activation attempt 1 of {key} fails", failure.Message);

        Assert.Equal(2, await grain.GetAttempt());
        Assert.Equal(2, await grain.GetAttempt());
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_with_type_and_message()
    {
        var grain = fixture.Grains.GetGrain<IFaultyGrain>("faulty");

        var invalid = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("the reason"));
        Assert.Equal("the reason", invalid.Message);

        var argument = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowArgument("weight"));
        Assert.Contains("bad argument", argument.Message);
    }

    [Fact]
    public async Task Every_key_kind_reaches_its_grain()
    {
        var guid = Guid.NewGuid();
        Assert.Equal("alpha", await fixture.Grains.GetGrain<IStringKeyGrain>("alpha").GetKey());
        Assert.Equal("stringkey/alpha", await fixture.Grains.GetGrain<IStringKeyGrain>("alpha").GetGrainIdText());
        Assert.Equal(guid, await fixture.Grains.GetGrain<IGuidKeyGrain>(guid).GetKey());
        Assert.Equal(-42L, await fixture.Grains.GetGrain<IIntegerKeyGrain>(-42).GetKey());
        Assert.Equal($"{guid}|ext", await fixture.Grains.GetGrain<IGuidCompoundKeyGrain>(guid, "ext").GetKey());
        Assert.Equal("7|ext", await fixture.Grains.GetGrain<IIntegerCompoundKeyGrain>(7, "ext").GetKey());
    }

    [Fact]
    public async Task A_closed_generic_grain_interface_reaches_its_class()
    {
        var box = fixture.Grains.GetGrain<IBoxGrain<int>>(Guid.NewGuid().ToString());

        await box.Set(5);

        Assert.Equal(5, await box.Get());
    }

    [Fact]
    public async Task A_reference_by_grain_id_reaches_the_same_activation()
    {
        var byKey = fixture.Grains.GetGrain<IActivationCountingGrain>("by-id");
        var byId = fixture.Grains.GetGrain<IActivationCountingGrain>(byKey.GetGrainId());

        Assert.Equal(await byKey.GetActivationId(), await byId.GetActivationId());
    }

    [Fact]
    public void An_interface_with_two_grain_classes_needs_a_class_name_prefix()
    {
        var ambiguous = Assert.Throws<ArgumentException>(() => fixture.Grains.GetGrain<ITurnProbeGrain>("x"));
        Assert.Contains("grainClassNamePrefix", ambiguous.Message);

        var chosen = fixture.Grains.GetGrain<ITurnProbeGrain>("x", typeof(ReentrantProbeGrain).FullName);
        Assert.Equal("reentrantprobe", chosen.GetGrainId().Type);
    }
}
