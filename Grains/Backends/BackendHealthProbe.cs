using System.Diagnostics;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// Checks that a backend can run here (<see cref="ISolverBackend.Availability"/>) and really solves: a two-task,
/// two-agent total-cost problem every backend supports (a 4-qubit QUBO for the quantum ones), through the same
/// <see cref="SolverPipeline"/> jobs use, within a short time limit. Healthy means a feasible schedule came back.
/// </summary>
public sealed class BackendHealthProbe(TimeProvider time)
{
    private const string ProbeProblemJson = """
        {
          "name": "health-probe",
          "agents": [ { "id": "a1", "costRate": 1 }, { "id": "a2", "costRate": 2 } ],
          "tasks": [ { "id": "t1", "duration": 1 }, { "id": "t2", "duration": 2 } ]
        }
        """;

    private const double ProbeOptimum = 3;

    private static readonly SchedulingProblem s_problem = ProblemJsonReader.Read(ProbeProblemJson).Problem
        ?? throw new InvalidOperationException("The health probe's own problem does not read.");

    private readonly SolverPipeline _pipeline = new();

    public async Task<BackendHealth> CheckAsync(ISolverBackend backend, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var availability = backend.Availability;
        if (!availability.IsAvailable)
            return Result(false, $"unavailable: {availability.Reason ?? "no reason given"}");

        // A backend that ignores its time limit must not hold the check (and the grain) forever.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeLimit * 2 + TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        try
        {
            // Stop at the known optimum (both tasks on a1: 1 + 2), so heuristics that otherwise run to their limit do
            // not spend it on every check.
            var options = new SolveOptions
            {
                TimeLimit = timeLimit,
                TargetObjective = ProbeOptimum,
                Seed = 1,
                Threads = 1,
            };
            var solution = await Task.Run(() => _pipeline.SolveAsync(s_problem, backend, options, null, deadline.Token), deadline.Token).ConfigureAwait(false);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            return solution.Status == SolutionStatus.Feasible
                ? Result(true, $"solved the probe problem in {elapsed:F0} ms")
                : Result(false, $"probe solve ended {solution.Status}{Reasons(solution)} after {elapsed:F0} ms");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(false, $"probe solve did not finish within {(timeLimit * 2 + TimeSpan.FromSeconds(1)).TotalSeconds:F0} s");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Result(false, $"probe solve threw {exception.GetType().Name}: {exception.Message}");
        }
    }

    private static string Reasons(Solution solution) =>
        solution.RefusalReasons.Count > 0 ? $" ({string.Join("; ", solution.RefusalReasons)})" : "";

    private BackendHealth Result(bool healthy, string detail) => new(healthy, detail, time.GetUtcNow());
}
