using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>
/// A test-only backend that searches for its whole time limit (or until cancelled), reporting a best-so-far every
/// 50 ms, and then returns classical-tabu's answer: a stand-in for a long solve that tests can watch, cancel or kill.
/// </summary>
public sealed class SlowBackend : ISolverBackend
{
    public const string BackendName = "slow-tabu";

    private readonly ClassicalTabuBackend _inner = new();
    private int _started;

    public string Name => BackendName;

    public BackendCapabilities Capabilities => _inner.Capabilities;

    public BackendAvailability Availability => BackendAvailability.Available;

    /// <summary>How many solves have started (the silo-restart test waits for the second).</summary>
    public int Started => Volatile.Read(ref _started);

    public async Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        var answer = await _inner.SolveAsync(instance, options with { TimeLimit = TimeSpan.FromMilliseconds(100) }, null, CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var step = 0;
        while (clock.Elapsed < options.TimeLimit && !cancellationToken.IsCancellationRequested)
        {
            progress?.Report(new SolveProgress(clock.Elapsed, 1000 - ++step, true, answer.AgentOfTask, null));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return answer with { Termination = cancellationToken.IsCancellationRequested ? TerminationReason.Cancelled : TerminationReason.TimeLimit };
    }
}
