using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>
/// One agent's working time while a schedule is built: its availability windows and the intervals
/// already taken. Finds the earliest start at which a task fits wholly inside one window without
/// overlapping another task (gaps left earlier are reused).
/// </summary>
internal sealed class AgentTimeline
{
    private static readonly TimeWindow[] AlwaysAvailable = [new(double.NegativeInfinity, double.PositiveInfinity)];

    private readonly IReadOnlyList<TimeWindow> _windows;
    private readonly List<(double Start, double End)> _busy = [];

    public AgentTimeline(IReadOnlyList<TimeWindow>? availability)
    {
        _windows = availability is null ? AlwaysAvailable : availability.OrderBy(w => w.Start).ToArray();
    }

    /// <summary>The earliest start ≥ <paramref name="earliest"/> where <paramref name="duration"/> fits, or null.</summary>
    public double? FindStart(double earliest, double duration)
    {
        foreach (var window in _windows)
        {
            var start = Math.Max(earliest, window.Start);
            while (start + duration <= window.End)
            {
                var clash = FirstOverlap(start, start + duration);
                if (clash < 0)
                    return start;
                start = _busy[clash].End;
            }
        }
        return null;
    }

    public void Reserve(double start, double end)
    {
        var index = _busy.FindIndex(b => b.Start > start);
        _busy.Insert(index < 0 ? _busy.Count : index, (start, end));
    }

    private int FirstOverlap(double start, double end)
    {
        // Zero-length tasks occupy no time, so they never clash.
        if (end <= start)
            return -1;
        for (var i = 0; i < _busy.Count; i++)
        {
            var busy = _busy[i];
            if (busy.Start >= end)
                return -1;
            if (busy.End > start && busy.End > busy.Start)
                return i;
        }
        return -1;
    }
}
