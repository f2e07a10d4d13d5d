using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Bench.Jobs;

/// <summary>The baseline: what a worker does for one attempt (read the problem, run the solver pipeline) without any
/// grain around it.</summary>
public sealed class DirectSolves(string problemJson, string backendName, TimeSpan timeLimit)
{
    private readonly SolverPipeline _pipeline = new();
    private readonly ISolverBackend _backend = BackendRegistry.CreateDefault().Get(backendName);

    public Task<double[]> RunSequentialAsync(int count) => JobLoop.SequentialAsync(SolveAsync, count);

    public Task<TimeSpan> RunConcurrentAsync(int count, int concurrency) => JobLoop.ConcurrentAsync(SolveAsync, count, concurrency);

    private async Task SolveAsync()
    {
        var read = ProblemJsonReader.Read(problemJson);
        if (!read.Succeeded)
            throw new InvalidOperationException("The tiny problem does not read: " + string.Join("; ", read.Errors));
        var solution = await _pipeline.SolveAsync(read.Problem!, _backend, new SolveOptions { TimeLimit = timeLimit, Seed = 1, Threads = 1 });
        if (!solution.IsFeasible)
            throw new InvalidOperationException($"The tiny problem came back {solution.Status}.");
    }
}
