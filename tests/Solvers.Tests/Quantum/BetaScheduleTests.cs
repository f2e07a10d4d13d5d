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
}
