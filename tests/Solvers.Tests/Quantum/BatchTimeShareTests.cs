using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class BatchTimeShareTests
{
    /// <summary>Records each batch's time limit and returns the all-zero bitstring at once (repair makes it an answer).</summary>
    private sealed class RecordingSampler : IQuboSampler
    {
        public List<TimeSpan> Limits { get; } = [];

        public string Name => "recording";

        public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
        {
            Limits.Add(request.TimeLimit);
            var bits = new byte[model.VariableCount];
            return QuboSampleSet.From([new QuboSample(bits, model.Energy(bits))], timedOut: false);
        }
    }

    private static ProblemInstance TwoTasks() => ProblemInstance.Compile(new SchedulingProblem
    {
        Agents = [new Agent { Id = "a", Capacity = 1, CostRate = 1 }, new Agent { Id = "b", CostRate = 2 }],
        Tasks = [new SchedulingTask { Id = "t0" }, new SchedulingTask { Id = "t1" }],
    });

    private static IReadOnlyList<TimeSpan> Limits(QuboSolveSettings settings)
    {
        var sampler = new RecordingSampler();
        new QuboScheduleSolver(sampler, settings with { MaxBatches = 3 })
            .Solve(TwoTasks(), new SolveOptions { TimeLimit = TimeSpan.FromSeconds(100) }, null, CancellationToken.None);
        return sampler.Limits;
    }

    [Theory]
    [InlineData(0.97)]
    [InlineData(0.5)]
    public void The_first_batch_samples_for_its_share_of_the_time_and_later_batches_for_the_usual_share(double firstShare)
    {
        var limits = Limits(new QuboSolveSettings { FirstBatchShare = firstShare });

        Assert.Equal(3, limits.Count);
        // Of a 100 s limit, less what formulating and the instant batches before took (well under a second here).
        Assert.InRange(limits[0].TotalSeconds, firstShare * 99, firstShare * 100);
        Assert.InRange(limits[1].TotalSeconds, QuboSolveSettings.LaterBatchShare * 99, QuboSolveSettings.LaterBatchShare * 100);
        Assert.InRange(limits[2].TotalSeconds, QuboSolveSettings.LaterBatchShare * 99, QuboSolveSettings.LaterBatchShare * 100);
    }

    [Fact]
    public void By_default_every_batch_gets_the_usual_share_and_the_annealing_backend_gives_its_first_batch_more()
    {
        Assert.Equal(QuboSolveSettings.LaterBatchShare, new QuboSolveSettings().FirstBatchShare);
        Assert.Equal(0.97, new AnnealingBackendOptions().Qubo.FirstBatchShare);
        Assert.InRange(Limits(new QuboSolveSettings())[0].TotalSeconds, 0.8 * 99, 0.8 * 100);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_first_batch_share_outside_zero_to_one_is_refused_by_name(double share)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new QuboScheduleSolver(new RecordingSampler(), new QuboSolveSettings { FirstBatchShare = share }));
        Assert.Equal(nameof(QuboSolveSettings.FirstBatchShare), error.ParamName);
    }
}
