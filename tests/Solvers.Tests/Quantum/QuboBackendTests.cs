using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class QuboBackendTests
{
    private static readonly SolveOptions Options = new() { TimeLimit = TimeSpan.FromMinutes(1), Seed = 5 };
    private static readonly QuboSolveSettings FewBatches = new() { MaxBatches = 3 };

    [Theory]
    [InlineData(AnnealingMode.Sa)]
    [InlineData(AnnealingMode.Sqa)]
    public async Task Annealing_finds_the_optimum_of_a_small_GAP(AnnealingMode mode)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(21, 6, 3, pin: true));
        var backend = new AnnealingBackend(new AnnealingBackendOptions
        {
            Mode = mode,
            SimulatedAnnealing = new SimulatedAnnealingOptions { Reads = 8, Sweeps = 300 },
            ReadsPerThread = null,
            QuantumAnnealing = new QuantumAnnealingOptions { Reads = 4, Sweeps = 100, TrotterSlices = 8 },
            Qubo = FewBatches,
        });

        var result = await backend.SolveAsync(instance, Options, null, CancellationToken.None);

        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(QuboTestProblems.BruteForce(instance)!.Value.Check.PenalizedObjective, check.PenalizedObjective);
        Assert.Equal(TerminationReason.Completed, result.Termination);
        Assert.Equal(mode == AnnealingMode.Sa ? "sa" : "sqa", result.Details["qubo.sampler"]);
        Assert.Equal("3", result.Details["qubo.batches"]);
        Assert.NotNull(result.QuboEnergy);
        Assert.Equal("no classical result to compare with", result.Details["comparison.verdict"]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(2, 3, 6)]
    [InlineData(2, null, 5)]
    public async Task Annealing_makes_its_reads_per_thread_unless_told_a_fixed_number(int threads, int? perThread, int reads)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(22, 6, 3));
        var backend = new AnnealingBackend(new AnnealingBackendOptions
        {
            SimulatedAnnealing = new SimulatedAnnealingOptions { Reads = 5, Sweeps = 50 },
            ReadsPerThread = perThread,
            Qubo = new QuboSolveSettings { MaxBatches = 1 },
        });

        var result = await backend.SolveAsync(instance, Options with { Threads = threads }, null, CancellationToken.None);

        Assert.Equal(reads.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Details["qubo.samples"]);
    }

    [Fact]
    public async Task Hybrid_on_a_QUBO_larger_than_its_subproblems_finds_a_feasible_optimum()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(22, 7, 4));
        var backend = new HybridBackend(new HybridBackendOptions { Sampler = new HybridSamplerOptions { SubproblemSize = 6 }, Qubo = FewBatches with { WarmStartSampler = true } });

        var result = await backend.SolveAsync(instance, Options, null, CancellationToken.None);

        Assert.True(int.Parse(result.Details["qubo.variables"]) > 6);
        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(QuboTestProblems.BruteForce(instance)!.Value.Check.PenalizedObjective, check.PenalizedObjective);
    }

    [Fact]
    public async Task The_comparison_record_runs_the_classical_backend_and_measures_the_ratio()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(23, 5, 3));
        var optimum = QuboTestProblems.BruteForce(instance)!.Value;
        var classical = new FixedAnswerBackend("classical-exhaustive", optimum.AgentOfTask);
        var backend = new AnnealingBackend(new AnnealingBackendOptions
        {
            SimulatedAnnealing = new SimulatedAnnealingOptions { Reads = 2, Sweeps = 300 },
            Qubo = FewBatches,
            Comparison = new ComparisonOptions { ClassicalBackend = classical },
        });

        var result = await backend.SolveAsync(instance, Options, null, CancellationToken.None);

        var quantum = FeasibilityChecker.Check(instance, result.AgentOfTask).PenalizedObjective;
        Assert.Equal("classical-exhaustive", result.Details["comparison.classicalBackend"]);
        Assert.Equal(optimum.Check.PenalizedObjective, double.Parse(result.Details["comparison.classicalObjective"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(quantum / optimum.Check.PenalizedObjective, double.Parse(result.Details["comparison.objectiveRatio"], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(quantum == optimum.Check.PenalizedObjective ? "equal objective" : "classical better", result.Details["comparison.verdict"]);
    }

    [Theory]
    [InlineData(ObjectiveSense.Minimize, 110, 100, "classical better", 0.1)]
    [InlineData(ObjectiveSense.Minimize, 90, 100, "quantum better", -0.1)]
    [InlineData(ObjectiveSense.Maximize, 90, 100, "classical better", 0.1)]
    [InlineData(ObjectiveSense.Maximize, 100, 100, "equal objective", 0)]
    public void The_comparison_verdict_follows_the_sense(ObjectiveSense sense, double quantum, double classical, string verdict, double excess)
    {
        var record = new QuantumComparisonRecord
        {
            Backend = "annealing", Objective = quantum, IsFeasible = true, WallTime = TimeSpan.FromSeconds(1), Sense = sense,
            Classical = new ClassicalBaseline("classical-tabu", classical, true, TimeSpan.FromSeconds(2)),
        };
        Assert.Equal(verdict, record.Verdict);
        Assert.Equal(excess, record.RelativeExcess!.Value, 9);
        Assert.Equal(2, record.SpeedRatio);
    }

    [Fact]
    public void A_comparison_written_to_details_reads_back_its_baseline_and_excess_and_one_without_a_baseline_reads_as_none()
    {
        var baseline = new ClassicalBaseline("classical-tabu", 80.5, true, TimeSpan.FromSeconds(1.5));
        var record = new QuantumComparisonRecord
        {
            Backend = "annealing", Objective = 92, IsFeasible = true, WallTime = TimeSpan.FromSeconds(1), Sense = ObjectiveSense.Minimize, Classical = baseline,
        };

        Assert.True(QuantumComparisonRecord.TryReadBaseline(record.ToDetails().ToDictionary(), out var read, out var excess));
        Assert.Equal(baseline, read);
        Assert.Equal(record.RelativeExcess!.Value, excess, 6);
        Assert.False(QuantumComparisonRecord.TryReadBaseline((record with { Classical = null }).ToDetails().ToDictionary(), out read, out _));
        Assert.Null(read);
    }

    public static TheoryData<string, SchedulingProblem> Unsupported => new()
    {
        { "dependencies", new SchedulingProblem { Agents = [new Agent { Id = "a" }], Tasks = [new SchedulingTask { Id = "t0" }, new SchedulingTask { Id = "t1", Dependencies = ["t0"] }] } },
        { "deadline", new SchedulingProblem { Agents = [new Agent { Id = "a" }], Tasks = [new SchedulingTask { Id = "t", Deadline = 4 }] } },
        { "availability", new SchedulingProblem { Agents = [new Agent { Id = "a", Availability = [new TimeWindow(0, 8)] }], Tasks = [new SchedulingTask { Id = "t" }] } },
        { "Makespan", new SchedulingProblem { Agents = [new Agent { Id = "a" }], Tasks = [new SchedulingTask { Id = "t" }], Objective = new Objective { Kind = ObjectiveKind.Makespan } } },
        { "soft capacity", new SchedulingProblem { Agents = [new Agent { Id = "a", Capacity = 1 }], Tasks = [new SchedulingTask { Id = "t" }], Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(2) } } },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task Problems_the_QUBO_cannot_express_are_refused_with_the_reason(string reason, SchedulingProblem problem)
    {
        var instance = ProblemInstance.Compile(problem);
        foreach (ISolverBackend backend in new QuboBackend[] { new AnnealingBackend(), new HybridBackend() })
        {
            var error = await Assert.ThrowsAsync<NotSupportedException>(() => backend.SolveAsync(instance, Options, null, CancellationToken.None));
            Assert.Contains(reason, error.Message);
            Assert.False(backend.Capabilities.SupportsDependencies || backend.Capabilities.SupportsDeadlines || backend.Capabilities.SupportsAvailability);
        }
    }

    [Fact]
    public async Task A_time_limit_used_up_before_sampling_still_gives_one_batch_and_a_checked_assignment()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(25, 8, 3));
        var backend = new AnnealingBackend(new AnnealingBackendOptions { SimulatedAnnealing = new SimulatedAnnealingOptions { Reads = 2, Sweeps = 50 } });

        // One tick: formulating alone takes longer, so without the first-batch rule there would be no sample at all.
        var result = await backend.SolveAsync(instance, Options with { TimeLimit = TimeSpan.FromTicks(1) }, null, CancellationToken.None);

        Assert.Equal("1", result.Details["qubo.batches"]);
        Assert.Equal(TerminationReason.TimeLimit, result.Termination);
        Assert.DoesNotContain(-1, result.AgentOfTask); // repair places every task even with no time left
    }

    [Fact]
    public async Task Progress_reports_improvements_and_the_best_is_returned_at_the_time_limit()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(24, 6, 3));
        var reports = new List<SolveProgress>();
        var backend = new AnnealingBackend(new AnnealingBackendOptions { SimulatedAnnealing = new SimulatedAnnealingOptions { Reads = 2, Sweeps = 50 } });

        var result = await backend.SolveAsync(instance, Options with { TimeLimit = TimeSpan.FromMilliseconds(300) }, new SynchronousProgress(reports), CancellationToken.None);

        Assert.Equal(TerminationReason.TimeLimit, result.Termination);
        Assert.NotEmpty(reports);
        Assert.Equal(reports[^1].AgentOfTask, result.AgentOfTask);
    }

    private sealed class SynchronousProgress(List<SolveProgress> reports) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }

    /// <summary>A classical stand-in for the comparison test: answers with a precomputed assignment.</summary>
    private sealed class FixedAnswerBackend(string name, int[] answer) : ISolverBackend
    {
        public string Name => name;
        public BackendCapabilities Capabilities => QuboSupport.Capabilities(false);
        public BackendAvailability Availability => BackendAvailability.Available;

        public Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult(new BackendResult { AgentOfTask = answer, Termination = TerminationReason.Optimal });
    }
}
