using System.Diagnostics;
using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class CallChainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_cycle_completes_inside_a_call_chain_reentrancy_scope()
    {
        var a = fixture.Grains.GetGrain<IChainGrain>("reentrant-a");

        var result = await a.CallViaOther("reentrant-b", allowReentrancy: true);

        Assert.Equal("reentrant-b>pong from reentrant-a", result);
    }

    [Fact]
    public async Task A_cycle_without_the_scope_fails_at_once_naming_the_chain()
    {
        var a = fixture.Grains.GetGrain<IChainGrain>("cycle-a");
        var clock = Stopwatch.StartNew();

        var deadlock = await Assert.ThrowsAsync<DeadlockException>(() => a.CallViaOther("cycle-b", allowReentrancy: false));

        Assert.Equal("call cycle chain/cycle-a → chain/cycle-b → chain/cycle-a on non-reentrant grain chain/cycle-a", deadlock.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the cycle should fail fast, not after the response timeout (took {clock.Elapsed})");
    }

    [Fact]
    public async Task A_chain_without_a_cycle_runs_through()
    {
        var a = fixture.Grains.GetGrain<IChainGrain>("line-a");

        Assert.Equal("line-a>line-b>line-c", await a.Forward(["line-b", "line-c"]));
    }

    [Fact]
    public async Task The_reentrancy_scope_ends_with_its_using_block()
    {
        using (RequestContext.AllowCallChainReentrancy())
            Assert.True(RequestContext.IsCallChainReentrancyAllowed);
        Assert.False(RequestContext.IsCallChainReentrancyAllowed);

        var a = fixture.Grains.GetGrain<IChainGrain>("scoped-a");
        await Assert.ThrowsAsync<DeadlockException>(() => a.CallViaOther("scoped-b", allowReentrancy: false));
    }
}
