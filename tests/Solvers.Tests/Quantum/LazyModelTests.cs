using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The full model (with its dense capacity terms) is built only when something asks for it; everything the solve
/// path reads instead — energies, term counts, decoding — must agree with the built model.
/// </summary>
public class LazyModelTests
{
    public static TheoryData<int, bool, bool, ObjectiveKind> Problems => new()
    {
        { 41, false, false, ObjectiveKind.TotalCost },
        { 42, true, true, ObjectiveKind.TotalCost },
        { 43, false, false, ObjectiveKind.LoadBalance },
        { 44, true, false, ObjectiveKind.WeightedMix },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Structure_energy_and_term_count_equal_the_built_model(int seed, bool allowUnassigned, bool pin, ObjectiveKind kind)
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(seed, 8, 3, allowUnassigned, pin, kind: kind)));
        var random = new Random(seed);
        // Any bitstring, slack bits included: the identity holds term by term, not only at the optimal slack.
        var samples = Enumerable.Range(0, 100).Select(_ => Enumerable.Range(0, qubo.VariableCount).Select(_ => (byte)random.Next(2)).ToArray()).ToArray();
        var lazy = samples.Select(bits => qubo.Energy(bits)).ToArray();
        if (kind == ObjectiveKind.TotalCost) Assert.False(qubo.IsModelBuilt);

        Assert.Equal(qubo.Model.VariableCount, qubo.VariableCount);
        Assert.Equal(qubo.Model.Terms.Count, qubo.Report.QuadraticTerms);
        for (var s = 0; s < samples.Length; s++)
        {
            Assert.Equal(qubo.Model.Energy(samples[s]), lazy[s], 6);
            Assert.Equal(qubo.Model.Energy(samples[s]), qubo.Structure.Energy(samples[s]), 6);
        }
    }

    public static TheoryData<string> StructuredSamplers => ["sa", "hybrid"];

    [Theory]
    [MemberData(nameof(StructuredSamplers))]
    public void A_solve_with_a_one_hot_sampler_never_builds_the_model_and_reports_its_energy(string name)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(45, 10, 3));
        IQuboSampler sampler = name == "sa"
            ? new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { Reads = 2, Sweeps = 100 })
            : new HybridQuboSampler(new HybridSamplerOptions { Reads = 1, SubproblemSize = 20 }, new AnnealingSubproblemSolver());
        var solver = new QuboScheduleSolver(sampler, new QuboSolveSettings { MaxBatches = 2 });

        var outcome = solver.Solve(instance, new SolveOptions { TimeLimit = TimeSpan.FromMinutes(1), Seed = 3 }, null, CancellationToken.None);

        Assert.False(outcome.FinalQubo.IsModelBuilt);
        Assert.NotNull(outcome.Result.QuboEnergy);
        Assert.Equal(outcome.FinalQubo.Model.Energy(outcome.FinalQubo.Encode(outcome.Result.AgentOfTask)), outcome.Result.QuboEnergy!.Value, 6);
    }

    [Fact]
    public void A_single_flip_sampler_gets_the_built_model()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(46, 5, 3));
        var solver = new QuboScheduleSolver(new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { Reads = 2, Sweeps = 50, OneHotMoves = false }), new QuboSolveSettings { MaxBatches = 1, MaxPenaltyRounds = 0 });

        var outcome = solver.Solve(instance, new SolveOptions { TimeLimit = TimeSpan.FromMinutes(1), Seed = 3 }, null, CancellationToken.None);

        Assert.True(outcome.FinalQubo.IsModelBuilt);
    }
}
