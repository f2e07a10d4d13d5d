using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// Forwards a solver's best-so-far reports at most once per interval (solvers may report thousands of times a second),
/// always letting an improvement after a quiet interval through. Thread-safe: backends report from their own threads.
/// </summary>
public sealed class ThrottledProgress(TimeSpan interval, TimeProvider time, Action<SolveProgress> forward) : IProgress<SolveProgress>
{
    private readonly object _gate = new();
    private long _lastForwarded = long.MinValue;

    public void Report(SolveProgress value)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_lastForwarded != long.MinValue && time.GetElapsedTime(_lastForwarded, now) < interval)
                return;
            _lastForwarded = now;
        }
        forward(value);
    }
}
