using System.Diagnostics;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// Runs one attempt through the <see cref="SolverPipeline"/> with the backend the registry names, and says how it
/// ended: solved, failed (the backend threw, or overran its time limit by more than the grace period), refused (the
/// backend cannot take the problem), or cancelled. Never throws for the attempt's own failures.
/// </summary>
public sealed class SolveRunner(BackendRegistry registry, SolverPipeline pipeline)
{
    /// <summary>How long past its time limit a backend may run before the attempt counts as failed: the limit again,
    /// at least five seconds (building, checking and explaining the schedule take time too).</summary>
    public static TimeSpan Grace(TimeSpan timeLimit) => timeLimit > TimeSpan.FromSeconds(5) ? timeLimit : TimeSpan.FromSeconds(5);

    public async Task<AttemptOutcome> RunAsync(SolveWorkItem item, string workerId, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var read = ProblemJsonReader.Read(item.ProblemJson);
        if (!read.Succeeded)
            return Ended(item, workerId, AttemptResultKind.Refused, "the problem does not read: " + string.Join("; ", read.Errors));
        if (!registry.TryGet(item.Backend, out var backend))
            return Ended(item, workerId, AttemptResultKind.Refused, $"backend \"{item.Backend}\" is not registered on worker {workerId}");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(item.TimeLimit + Grace(item.TimeLimit));
        var clock = Stopwatch.StartNew();
        Solution solution;
        try
        {
            var options = new SolveOptions { TimeLimit = item.TimeLimit, Seed = item.Seed, Threads = 1 };
            solution = await pipeline.SolveAsync(read.Problem, backend, options, progress, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Ended(item, workerId, AttemptResultKind.Cancelled, "cancelled", ResourceUsage.Measure(clock.Elapsed, null));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Ended(item, workerId, AttemptResultKind.Failed,
                $"backend \"{item.Backend}\" did not return within its time limit {item.TimeLimit} plus {Grace(item.TimeLimit)} grace",
                ResourceUsage.Measure(clock.Elapsed, null));
        }
        catch (Exception e)
        {
            return Ended(item, workerId, AttemptResultKind.Failed, $"backend \"{item.Backend}\" failed: {e.GetType().Name}: {e.Message}",
                ResourceUsage.Measure(clock.Elapsed, null));
        }

        var usage = ResourceUsage.Measure(clock.Elapsed, solution.BackendDetails);
        if (solution.Status is SolutionStatus.Invalid or SolutionStatus.Refused or SolutionStatus.Unavailable)
        {
            var reasons = solution.ValidationErrors.Select(static e => e.ToString()).Concat(solution.RefusalReasons);
            return Ended(item, workerId, AttemptResultKind.Refused, $"backend \"{item.Backend}\" refused the problem: {string.Join("; ", reasons)}", usage);
        }
        if (cancellationToken.IsCancellationRequested)
            return Ended(item, workerId, AttemptResultKind.Cancelled, "cancelled", usage);

        var agentIds = read.Problem.Agents.Select(static a => a.Id).ToList();
        return new AttemptOutcome
        {
            Attempt = item.Attempt,
            Kind = AttemptResultKind.Solved,
            Result = JobResultMapper.ToJobResult(item.JobId, solution, agentIds),
            Worker = workerId,
            CoreSeconds = usage.CoreSeconds,
            QubitSeconds = usage.QubitSeconds,
            Shots = usage.Shots,
        };
    }

    private static AttemptOutcome Ended(SolveWorkItem item, string workerId, AttemptResultKind kind, string error, ResourceUsage? usage = null) => new()
    {
        Attempt = item.Attempt,
        Kind = kind,
        Error = error,
        Worker = workerId,
        CoreSeconds = usage?.CoreSeconds ?? 0,
        QubitSeconds = usage?.QubitSeconds ?? 0,
        Shots = usage?.Shots ?? 0,
    };
}
