using QuantumScheduler.Solvers.Quantum.Annealing;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class BetaScheduleTests
{
    [Theory]
    [InlineData(0, 101, 0.0, 10.0, 0.0)]    // first sweep, no time used: hot end
    [InlineData(50, 101, 1.0, 10.0, 0.5)]   // the sweeps lead: half-way by count
    [InlineData(10, 101, 5.0, 10.0, 0.5)]   // the clock leads: half the budget used
    [InlineData(100, 101, 0.0, 10.0, 1.0)]  // last planned sweep: cold end
    [InlineData(3, 101, 12.0, 10.0, 1.0)]   // over budget: cold, and the read ends
    [InlineData(0, 1, 0.0, 10.0, 1.0)]      // a one-sweep schedule is all cold
    public void An_anytime_read_is_as_far_as_the_later_of_its_sweeps_and_its_clock(int sweep, int sweeps, double elapsed, double budget, double expected) =>
        Assert.Equal(expected, BetaSchedule.AnytimeFraction(sweep, sweeps, elapsed, budget), 9);

    [Fact]
    public void The_hot_end_accepts_the_given_share_of_the_median_spread_with_probability_one_half()
    {
        var structure = QuboTestProblems.FormulateGap(77, 20, 4).Structure;
        var (hot, cold) = BetaSchedule.OneHotRange(structure);
        var (tenth, sameCold) = BetaSchedule.OneHotRange(structure, hotSpreadShare: 0.1);

        Assert.Equal(10 * hot, tenth, 9);
        Assert.Equal(cold, sameCold);
        Assert.Equal(0.1, new SimulatedAnnealingOptions().HotSpreadShare);
        Assert.Contains("HotSpreadShare", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { HotSpreadShare = 0 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaSchedule.OneHotRange(structure, hotSpreadShare: double.NaN));
    }
}
