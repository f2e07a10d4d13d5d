namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// A worker's recent behaviour for load balancers and the autoscaler: latency p95 and error rate over the last
/// <see cref="Window"/> attempts, and the completed count. Thread-safe.
/// </summary>
public sealed class WorkerStatistics
{
    public const int Window = 200;

    private readonly object _gate = new();
    private readonly Queue<(double LatencyMs, bool Failed)> _recent = new();
    private long _completed;

    public void Record(TimeSpan latency, bool failed)
    {
        lock (_gate)
        {
            _recent.Enqueue((latency.TotalMilliseconds, failed));
            while (_recent.Count > Window)
                _recent.Dequeue();
            _completed++;
        }
    }

    public long Completed
    {
        get
        {
            lock (_gate)
                return _completed;
        }
    }

    public double? LatencyP95Ms()
    {
        lock (_gate)
        {
            if (_recent.Count == 0)
                return null;
            var sorted = _recent.Select(static r => r.LatencyMs).Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public double ErrorRate()
    {
        lock (_gate)
            return _recent.Count == 0 ? 0 : _recent.Count(static r => r.Failed) / (double)_recent.Count;
    }
}
