using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Retry;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class RetryBackoffTests
{
    private static RetryPolicyOptions Policy(string strategy) => new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(5),
        BackoffStrategy = strategy,
    };

    [Theory]
    [InlineData("exponential", new[] { 1.0, 2.0, 4.0, 5.0, 5.0 })]
    [InlineData("linear", new[] { 1.0, 2.0, 3.0, 4.0, 5.0 })]
    [InlineData("constant", new[] { 1.0, 1.0, 1.0, 1.0, 1.0 })]
    public void The_nominal_delay_grows_by_the_strategy_and_is_capped(string strategy, double[] seconds)
    {
        var delays = Enumerable.Range(1, seconds.Length).Select(retry => RetryBackoff.NominalDelay(Policy(strategy), retry).TotalSeconds);

        Assert.Equal(seconds, delays);
    }

    [Fact]
    public void Full_jitter_draws_each_delay_between_zero_and_the_nominal_delay()
    {
        var random = new Random(42);
        var draws = Enumerable.Range(0, 500).Select(_ => RetryBackoff.Delay(Policy("exponential"), 3, random)).ToList();

        Assert.All(draws, static d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
        Assert.True(draws.Min() < TimeSpan.FromSeconds(0.5) && draws.Max() > TimeSpan.FromSeconds(3.5), "draws spread over the whole range");
    }
}
