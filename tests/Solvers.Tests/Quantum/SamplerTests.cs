using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class SamplerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    public static TheoryData<string> Samplers => ["sa", "sqa", "hybrid"];

    private static IQuboSampler Create(string name) => name switch
    {
        "sa" => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { Reads = 8, Sweeps = 300 }),
        "sqa" => new SimulatedQuantumAnnealingSampler(new QuantumAnnealingOptions { Reads = 4, Sweeps = 150, TrotterSlices = 8 }),
        _ => new HybridQuboSampler(new HybridSamplerOptions { Reads = 2, SubproblemSize = 6 }, new AnnealingSubproblemSolver()),
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Reaches_the_brute_force_ground_state_of_small_QUBOs(string sampler)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var model = QuboModelTests.RandomModel(seed, 16);
            var (_, ground) = QuboTestProblems.GroundState(model);
            var set = Create(sampler).Sample(model, new QuboSampleRequest(seed, Generous), CancellationToken.None);
            Assert.False(set.TimedOut);
            Assert.Equal(ground, set.Samples[0].Energy, 9);
            Assert.Equal(model.Energy(set.Samples[0].Bits), set.Samples[0].Energy, 9);
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void The_same_seed_gives_identical_samples_on_one_and_two_threads(string sampler)
    {
        var model = QuboModelTests.RandomModel(7, 40, 0.2);
        var one = Create(sampler).Sample(model, new QuboSampleRequest(42, Generous, Threads: 1), CancellationToken.None);
        var again = Create(sampler).Sample(model, new QuboSampleRequest(42, Generous, Threads: 1), CancellationToken.None);
        var two = Create(sampler).Sample(model, new QuboSampleRequest(42, Generous, Threads: 2), CancellationToken.None);

        Assert.Equal(one.Samples.Select(s => s.Bits), again.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Bits), two.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Energy), two.Samples.Select(s => s.Energy));
    }

    [Fact]
    public void Hybrid_windows_smaller_than_the_QUBO_still_reach_its_ground_state()
    {
        var model = QuboModelTests.RandomModel(9, 20, 0.3);
        var (_, ground) = QuboTestProblems.GroundState(model);
        var subSolver = new RecordingSubSolver(new AnnealingSubproblemSolver(), maxVariables: 5);
        var sampler = new HybridQuboSampler(new HybridSamplerOptions { Reads = 2, SubproblemSize = 8 }, subSolver);

        var set = sampler.Sample(model, new QuboSampleRequest(3, Generous), CancellationToken.None);

        Assert.Equal(ground, set.Samples[0].Energy, 9);
        Assert.NotEmpty(subSolver.Sizes);
        Assert.All(subSolver.Sizes, size => Assert.InRange(size, 1, 5)); // the sub-solver's limit wins over k = 8
    }

    [Fact]
    public void The_beta_schedule_spans_the_coefficient_range()
    {
        var model = QuboModelTests.RandomModel(4, 10);
        var (hot, cold) = BetaSchedule.DefaultRange(model);
        var (maxFlip, min) = model.CoefficientRange();
        Assert.Equal(Math.Log(2) / maxFlip, hot, 12);
        Assert.Equal(Math.Log(100) / min, cold, 12);
        var betas = BetaSchedule.Build(BetaScheduleKind.Geometric, hot, cold, 5);
        Assert.Equal(hot, betas[0], 12);
        Assert.Equal(cold, betas[^1], 12);
        Assert.True(betas.Zip(betas.Skip(1)).All(p => p.First < p.Second));
    }

    private sealed class RecordingSubSolver(IQuboSubproblemSolver inner, int maxVariables) : IQuboSubproblemSolver
    {
        public List<int> Sizes { get; } = [];
        public string Name => "recording";
        public int MaxVariables => maxVariables;

        public byte[] Solve(QuboModel subproblem, byte[] start, int seed, double? energyResolution, CancellationToken cancellationToken)
        {
            lock (Sizes) Sizes.Add(subproblem.VariableCount);
            return inner.Solve(subproblem, start, seed, energyResolution, cancellationToken);
        }
    }
}
