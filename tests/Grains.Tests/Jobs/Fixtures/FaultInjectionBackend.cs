using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>A test-only backend that throws on its first <c>failures</c> solves and then solves like classical-tabu.
/// With <paramref name="failLate"/> each failing solve first uses its whole time limit, so it costs what a solve costs.</summary>
public sealed class FaultInjectionBackend(string name, int failures, bool failLate = false) : ISolverBackend
{
    private readonly ClassicalTabuBackend _inner = new();
    private int _failuresLeft = failures;
    private int _calls;

    public string Name { get; } = name;

    public BackendCapabilities Capabilities => _inner.Capabilities;

    public BackendAvailability Availability => BackendAvailability.Available;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Interlocked.Decrement(ref _failuresLeft) < 0)
            return await _inner.SolveAsync(instance, options, progress, cancellationToken);
        if (failLate)
            await Task.Delay(options.TimeLimit, cancellationToken);
        throw new InvalidOperationException($"injected fault in {Name}");
    }
}
