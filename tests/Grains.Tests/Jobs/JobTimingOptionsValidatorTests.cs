using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class JobTimingOptionsValidatorTests
{
    private static readonly JobTimingOptionsValidator Validator = new(Options.Create(new ReminderOptions()));

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validator.Validate(null, new SchedulerOptions()).Succeeded);

    [Fact]
    public void Every_bad_timing_is_named_with_its_key_in_one_failure()
    {
        var result = Validator.Validate(null, new SchedulerOptions { ResumeCheckInterval = TimeSpan.FromSeconds(10), ProgressReportInterval = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, static f => f.StartsWith("QuantumScheduler:Scheduler:ResumeCheckInterval must be a finite duration of at least the reminders' minimum period 00:01:00", StringComparison.Ordinal));
        Assert.Contains("QuantumScheduler:Scheduler:ProgressReportInterval must be a positive, finite duration (was 00:00:00).", result.Failures!);
    }

    [Fact]
    public async Task A_silo_whose_resume_check_is_shorter_than_the_reminder_minimum_does_not_start()
    {
        await using var cluster = Fixtures.SchedulingCluster.Builder()
            .AddConfiguration("QuantumScheduler:Reminders:MinimumReminderPeriod", "00:00:05")
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(cluster.DeployAsync);

        Assert.Contains("QuantumScheduler:Scheduler:ResumeCheckInterval", error.Message);
    }
}
