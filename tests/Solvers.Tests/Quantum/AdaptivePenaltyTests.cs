using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class AdaptivePenaltyTests
{
    /// <summary>Agent "cheap" costs nothing but holds two of the three unit tasks; "dear" costs 10 per task, unlimited.</summary>
    private static ProblemInstance CheapAgentOverCapacity() => ProblemInstance.Compile(new SchedulingProblem
    {
        Agents = [new Agent { Id = "cheap", Capacity = 2, CostRate = 0 }, new Agent { Id = "dear", CostRate = 10 }],
        Tasks = [new SchedulingTask { Id = "t0" }, new SchedulingTask { Id = "t1" }, new SchedulingTask { Id = "t2" }],
    });

    private static QuboScheduleSolver Solver(double initialPenalty, int rounds) => new(
        new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { Reads = 4, Sweeps = 200 }),
        new QuboSolveSettings { InitialPenalty = initialPenalty, PenaltyRaiseFactor = 10, MaxPenaltyRounds = rounds, MaxBatches = 30, RefinedSamplesPerBatch = 1 });

    [Fact]
    public void A_too_small_penalty_makes_the_ground_state_infeasible_and_the_checker_says_so()
    {
        var instance = CheapAgentOverCapacity();
        var qubo = QuboFormulator.Formulate(instance, new QuboPenalties(3, 2, 0.01));
        var (bits, _) = QuboTestProblems.GroundState(qubo.Model);

        var check = FeasibilityChecker.Check(instance, qubo.Decode(bits).AgentOfTask);

        // Overloading "cheap" by one unit and leaving the third task unassigned both cost P = 0.01 < 10.
        Assert.False(check.IsFeasible);
        Assert.Contains(check.Violations, v => v.IsHard && v.Constraint is ConstraintKind.Capacity or ConstraintKind.Unassigned);
    }

    [Fact]
    public void The_adaptive_loop_raises_the_violated_penalties_until_raw_samples_are_feasible()
    {
        var outcome = Solver(0.01, rounds: 20).Solve(CheapAgentOverCapacity(), new SolveOptions { TimeLimit = TimeSpan.FromMinutes(1) }, null, CancellationToken.None);

        Assert.InRange(outcome.PenaltyRounds, 1, 20);
        Assert.True(outcome.RawFeasibleSamples > 0);
        Assert.True(outcome.IsFeasible);
        Assert.Equal(10, outcome.Objective);
        var penalties = outcome.FinalQubo.Penalties;
        Assert.True(penalties.Agent(0) >= 10);   // cheap's capacity must have been violated and raised past the saving
        Assert.Equal(0.01, penalties.Agent(1));   // dear has no capacity term, so it was never violated nor raised
        Assert.Equal(outcome.PenaltyRounds.ToString(), outcome.Result.Details["qubo.penaltyRounds"]);
    }

    [Fact]
    public void Without_rounds_the_raw_samples_stay_infeasible_and_only_repair_rescues_the_answer()
    {
        var outcome = Solver(0.01, rounds: 0).Solve(CheapAgentOverCapacity(), new SolveOptions { TimeLimit = TimeSpan.FromMinutes(1) }, null, CancellationToken.None);

        Assert.Equal(0, outcome.PenaltyRounds);
        Assert.Equal(0, outcome.RawFeasibleSamples);
        Assert.True(outcome.IsFeasible);  // greedy repair moved a task to "dear"
        Assert.Equal(10, outcome.Objective);
    }
}
