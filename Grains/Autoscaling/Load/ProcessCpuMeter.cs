using System.Diagnostics;

namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>This process's CPU utilisation between two readings: CPU time used ÷ (wall time × cores), 0..1.</summary>
public sealed class ProcessCpuMeter(TimeProvider clock)
{
    private readonly object _gate = new();
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = clock.GetTimestamp();

    /// <summary>The utilisation since the previous reading (the first: since this meter was created).</summary>
    public double Read()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timestamp = clock.GetTimestamp();
        lock (_gate)
        {
            var wall = clock.GetElapsedTime(_lastTimestamp, timestamp);
            var used = cpu - _lastCpu;
            _lastCpu = cpu;
            _lastTimestamp = timestamp;
            return wall <= TimeSpan.Zero ? 0 : Math.Clamp(used / (wall * Environment.ProcessorCount), 0, 1);
        }
    }
}
