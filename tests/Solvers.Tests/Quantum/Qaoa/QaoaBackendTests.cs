using System.Globalization;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qaoa;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Solvers.Tests.Quantum.Qaoa;

public class QaoaBackendTests
{
    private static readonly SolveOptions Options = new() { TimeLimit = TimeSpan.FromMinutes(1), Seed = 7 };

    [Theory]
    [InlineData(31, 3, 2)] // 12 qubits
    [InlineData(35, 3, 2)] // 9
    [InlineData(42, 4, 2)] // 10
    [InlineData(44, 4, 2)] // 11
    public async Task Finds_the_brute_force_optimum_of_a_small_GAP(int seed, int tasks, int agents)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(seed, tasks, agents));
        var qubits = QuboFormulator.Formulate(instance).Report.Qubits;

        var result = await new QaoaBackend().SolveAsync(instance, Options, null, CancellationToken.None);

        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(QuboTestProblems.BruteForce(instance)!.Value.Check.PenalizedObjective, check.PenalizedObjective);
        Assert.Equal("qaoa", result.Details["qubo.sampler"]);
        Assert.Equal(qubits.ToString(CultureInfo.InvariantCulture), result.Details["qaoa.qubits"]);
        // INTERP reaches the requested depth; the best angles found may belong to a shallower one.
        Assert.Equal("3", result.Details["qaoa.layersOptimised"]);
        Assert.Equal(result.Details["qaoa.layers"], result.Details["qaoa.gammas"].Split(',').Length.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1024", result.Details["qaoa.shots"]);
        // The optimised circuit must concentrate on the QUBO's ground state well beyond the uniform 2^-n.
        Assert.True(Parse(result.Details["qaoa.groundStateProbability"]) > 4.0 / (1 << qubits), result.Details["qaoa.groundStateProbability"]);
    }

    [Fact]
    public async Task Refuses_a_problem_whose_slack_bits_take_it_over_the_qubit_limit_and_says_by_how_much()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(35, 4, 2));
        var report = QuboFormulator.Formulate(instance).Report;
        Assert.True(report.AssignmentVariables <= 8 && report.Qubits > 8, $"{report.AssignmentVariables} + {report.SlackBits}");
        var backend = new QaoaBackend(new QaoaBackendOptions { Qaoa = new QaoaOptions { MaxQubits = 8 } });

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => backend.SolveAsync(instance, Options, null, CancellationToken.None));

        Assert.Contains($"needs {report.Qubits} qubits but the limit is 8", error.Message);
        Assert.Contains($"{report.AssignmentVariables} task-agent variables and {report.SlackBits} capacity slack bits", error.Message);
        Assert.Equal(8, backend.Capabilities.MaxQubits);
    }

    [Fact]
    public void The_default_qubit_limit_is_what_a_complex128_state_in_a_quarter_of_memory_allows()
    {
        var expected = Math.Min(QaoaOptions.HardQubitLimit, SimulatorCapacity.MaxQubits(SimulatorCapacity.DefaultMemoryLimitBytes, StatePrecision.Complex128));
        Assert.Equal(expected, new QaoaBackend().Capabilities.MaxQubits);
        Assert.Equal(
            "it needs 27 qubits but the limit is 26 (a complex128 state of 2^27 amplitudes needs 2,147,483,648 bytes; the memory limit of 1,073,741,824 bytes holds 26 qubits)",
            QaoaSampler.QubitRefusal(27, new QaoaOptions { MemoryLimitBytes = 1L << 30 }));
        Assert.Null(QaoaSampler.QubitRefusal(26, new QaoaOptions { MemoryLimitBytes = 1L << 30 }));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_result()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(42, 4, 2));
        var backend = new QaoaBackend(new QaoaBackendOptions { Qaoa = new QaoaOptions { Layers = 2, MaxEvaluationsPerLayer = 50, Shots = 64 } });

        var first = await backend.SolveAsync(instance, Options, null, CancellationToken.None);
        var second = await backend.SolveAsync(instance, Options, null, CancellationToken.None);

        Assert.Equal(first.AgentOfTask, second.AgentOfTask);
        foreach (var key in new[] { "qaoa.gammas", "qaoa.betas", "qaoa.evaluations", "qaoa.bestSampleEnergy", "qubo.samples" })
            Assert.Equal(first.Details[key], second.Details[key]);
    }

    [Fact]
    public async Task A_warm_start_biases_the_circuit_and_never_ends_worse_than_the_given_solution()
    {
        var problem = QuboTestProblems.Gap(37, 4, 2);
        var instance = ProblemInstance.Compile(problem);
        var given = QuboTestProblems.Enumerate(instance.EligibleAgents.Select(a => a.ToArray()).ToArray())
            .Select(a => (Assignment: a, Check: FeasibilityChecker.Check(instance, a)))
            .Where(c => c.Check.IsFeasible)
            .MaxBy(c => c.Check.PenalizedObjective);
        var warmProblem = problem with
        {
            InitialSolution = given.Assignment.Select((a, t) => new Assignment(problem.Tasks[t].Id, problem.Agents[a].Id)).ToArray(),
        };
        // One weak batch without repair or polish: only the warm start can carry the given solution through.
        var weak = new QaoaOptions { Layers = 1, MaxEvaluationsPerLayer = 5, Shots = 4 };
        var settings = new QuboSolveSettings { MaxBatches = 1, PolishPasses = 0, RefinedSamplesPerBatch = 1 };
        var backend = new QaoaBackend(new QaoaBackendOptions { Qaoa = weak, Qubo = settings, WarmStart = true });
        var cold = new QaoaBackend(new QaoaBackendOptions { Qaoa = weak, Qubo = settings });

        var warmResult = await backend.SolveAsync(ProblemInstance.Compile(warmProblem), Options, null, CancellationToken.None);
        var coldResult = await cold.SolveAsync(ProblemInstance.Compile(warmProblem), Options, null, CancellationToken.None);

        Assert.StartsWith("regularised", warmResult.Details["qaoa.warmStart"]);
        Assert.Equal("none", coldResult.Details["qaoa.warmStart"]);
        Assert.NotEqual(coldResult.Details["qaoa.expectation"], warmResult.Details["qaoa.expectation"]);
        var check = FeasibilityChecker.Check(instance, warmResult.AgentOfTask);
        Assert.True(check.IsFeasible);
        Assert.True(check.PenalizedObjective <= given.Check.PenalizedObjective, $"{check.PenalizedObjective} > {given.Check.PenalizedObjective}");
    }

    [Fact]
    public async Task Cancellation_returns_the_best_assignment_so_far()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(38, 4, 2));
        var endless = new QaoaBackendOptions
        {
            Qaoa = new QaoaOptions { Layers = 8, MaxEvaluationsPerLayer = 1_000_000 },
            Qubo = new QuboSolveSettings(),
        };
        var backend = new QaoaBackend(endless);
        // A short solve first, so that compiling the code under a loaded test run cannot use up the delay below
        // before the solve starts (a token cancelled before the start cancels the task instead).
        await backend.SolveAsync(instance, Options with { TimeLimit = TimeSpan.FromMilliseconds(100) }, null, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = await backend.SolveAsync(instance, Options with { TimeLimit = TimeSpan.FromMinutes(5) }, null, cancel.Token);

        Assert.Equal(TerminationReason.Cancelled, result.Termination);
        Assert.True(FeasibilityChecker.Check(instance, result.AgentOfTask).IsFeasible);
        Assert.True(int.Parse(result.Details["qaoa.evaluations"], CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Plugs_into_the_hybrid_decomposition_as_its_subproblem_solver()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(22, 5, 2));
        var subSolver = new QaoaSubproblemSolver(new QaoaOptions { MaxQubits = 6, Layers = 1, MaxEvaluationsPerLayer = 30, Shots = 64 });
        var backend = new HybridBackend(new HybridBackendOptions
        {
            SubproblemSolver = subSolver,
            Sampler = new HybridSamplerOptions { Reads = 2, SubproblemSize = 50 },
            Qubo = new QuboSolveSettings { MaxBatches = 2, WarmStartSampler = true },
        });

        var result = await backend.SolveAsync(instance, Options, null, CancellationToken.None);

        Assert.True(int.Parse(result.Details["qubo.variables"], CultureInfo.InvariantCulture) > subSolver.MaxVariables);
        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(QuboTestProblems.BruteForce(instance)!.Value.Check.PenalizedObjective, check.PenalizedObjective);
    }

    [Fact]
    public void Rejects_bad_options_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new QaoaBackend(new QaoaBackendOptions { Qaoa = new QaoaOptions { Layers = 0 } }));
        Assert.Equal("Layers", error.ParamName);
        Assert.Equal("CvarAlpha", Assert.Throws<ArgumentOutOfRangeException>(() => new QaoaSampler(new QaoaOptions { CvarAlpha = 1.5 })).ParamName);
    }

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
