using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Comparison;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class SolutionQualityTests
{
    [Theory]
    [InlineData(110, 100, true, 0.1)]   // 10 % worse than the classical baseline
    [InlineData(90, 100, true, 0.0)]    // better than the baseline: no gap
    [InlineData(110, 100, false, 0.02)] // infeasible baseline: no reference, the proven gap counts
    public void The_gap_is_the_excess_over_a_feasible_classical_baseline_else_the_proven_gap(double objective, double classical, bool classicalFeasible, double expected)
    {
        var result = Result(objective, isFeasible: true, gap: 0.02, new ClassicalBaseline("classical-tabu", classical, classicalFeasible, TimeSpan.FromSeconds(1)));

        Assert.Equal(expected, SolutionQuality.GapOf(result)!.Value, 12);
    }

    [Fact]
    public void An_infeasible_schedule_or_one_without_any_reference_has_no_gap()
    {
        Assert.Null(SolutionQuality.GapOf(Result(100, isFeasible: false, gap: null, new ClassicalBaseline("classical-tabu", 90, true, TimeSpan.Zero))));
        Assert.Null(SolutionQuality.GapOf(Result(100, isFeasible: true, gap: null, baseline: null)));
        Assert.Null(SolutionQuality.GapOf(null));
    }

    private static JobResult Result(double objective, bool isFeasible, double? gap, ClassicalBaseline? baseline)
    {
        var record = new QuantumComparisonRecord
        {
            Backend = "annealing", Objective = objective, IsFeasible = isFeasible, WallTime = TimeSpan.FromSeconds(1),
            Sense = ObjectiveSense.Minimize, Classical = baseline,
        };
        return new JobResult
        {
            JobId = "job", Backend = "annealing", Status = "Feasible", IsFeasible = isFeasible, Objective = objective, Gap = gap, Assignments = [],
            Details = record.ToDetails().ToDictionary(),
        };
    }
}
