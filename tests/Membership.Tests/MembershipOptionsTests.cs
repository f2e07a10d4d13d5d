namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class MembershipOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_detect_a_silent_silo_within_20_seconds()
    {
        var options = new MembershipOptions();

        Assert.True(new MembershipOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(20), options.WorstCaseDetectionTime);
        Assert.Equal(TimeSpan.FromSeconds(90), options.StaleRowAge);
    }

    [Fact]
    public void Every_invalid_setting_is_named()
    {
        var options = new MembershipOptions
        {
            NumProbedSilos = 0, NumMissedProbesLimit = -1, ProbeTimeout = TimeSpan.Zero, TableRefreshTimeout = Timeout.InfiniteTimeSpan,
        };

        var result = new MembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var name in new[] { "NumProbedSilos", "NumMissedProbesLimit", "ProbeTimeout", "TableRefreshTimeout" })
            Assert.Contains($"MembershipOptions.{name}", result.FailureMessage);
    }

    [Fact]
    public void Votes_must_outlive_the_detection_time()
    {
        var options = new MembershipOptions { DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10) };

        var result = new MembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("DeathVoteExpirationTimeout", result.FailureMessage);
    }
}
