using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Hosting;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class SchedulerOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.True(new SchedulerOptionsValidator().Validate(null, new SchedulerOptions()).Succeeded);

    [Fact]
    public void Every_invalid_value_is_named_with_its_key_in_one_failure()
    {
        var options = new SchedulerOptions
        {
            MaxWorkers = 0,
            Cache = new SolutionCacheOptions { Size = -1, Ttl = TimeSpan.Zero },
            RetryPolicy = new RetryPolicyOptions { MaxAttempts = 0, BackoffStrategy = "fibonacci", BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
        };

        var result = new SchedulerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
        Assert.Contains("QuantumScheduler:Scheduler:MaxWorkers must be at least 1 (was 0).", result.Failures!);
        Assert.Contains(result.Failures!, static f => f.StartsWith("QuantumScheduler:Scheduler:Cache:Size", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.StartsWith("QuantumScheduler:Scheduler:Cache:Ttl", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.StartsWith("QuantumScheduler:Scheduler:RetryPolicy:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.Contains("\"fibonacci\"", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.StartsWith("QuantumScheduler:Scheduler:RetryPolicy:MaxDelay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_with_an_invalid_scheduler_setting_does_not_start()
    {
        await using var cluster = Fixtures.SchedulingCluster.Builder()
            .AddConfiguration("QuantumScheduler:Scheduler:MaxWorkers", "0")
            .Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(cluster.DeployAsync);

        Assert.Contains("QuantumScheduler:Scheduler:MaxWorkers", error.Message);
    }
}
