using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Persistence.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(-10, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 180)]
    [InlineData(179, 180)]
    [InlineData(180, 180)]
    [InlineData(181, 360)]
    [InlineData(3600 * 24, 3600 * 24)]
    public void The_next_tick_is_the_first_multiple_of_the_period_at_or_after_the_bound(int secondsAfterStart, int expectedSecondsAfterStart)
    {
        var next = ReminderSchedule.NextTick(Start, Period, Start.AddSeconds(secondsAfterStart));

        Assert.Equal(Start.AddSeconds(expectedSecondsAfterStart), next);
    }

    [Fact]
    public void A_tick_past_the_end_of_time_is_none()
    {
        Assert.Null(ReminderSchedule.NextTick(Start, TimeSpan.FromDays(365 * 8000), Start.AddTicks(1)));
    }

    [Fact]
    public void A_non_positive_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderSchedule.NextTick(Start, TimeSpan.Zero, Start));
    }
}
