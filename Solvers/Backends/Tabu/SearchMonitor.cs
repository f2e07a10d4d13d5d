using System.Diagnostics;

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The search's link to the outside world: it owns the clock and the termination rules (time, unimproved time,
/// target, optimality, cancellation) and reports each new best feasible solution as progress. Nothing it does
/// feeds back into a worker's trajectory except "stop", so runs with one seed differ only in where they stop.
/// </summary>
internal sealed class SearchMonitor
{
    private const int NoReason = -1;
    private readonly AssignmentModel _model;
    private readonly SolveOptions _options;
    private readonly IProgress<SolveProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double _target;
    private readonly double _lowerBound;
    private readonly Lock _gate = new();
    private double _bestReported = double.PositiveInfinity;
    private long _lastImprovementTicks;
    private int _reason = NoReason;

    /// <summary>Starts the clock. Reaching <paramref name="lowerBound"/> (a proven minimisation-form bound, -∞ when none is known) stops the search as optimal.</summary>
    public SearchMonitor(AssignmentModel model, SolveOptions options, double lowerBound, IProgress<SolveProgress>? progress, CancellationToken cancellation)
    {
        _lowerBound = lowerBound;
        _model = model;
        _options = options;
        _progress = progress;
        _cancellation = cancellation;
        _target = options.TargetObjective is { } target ? model.ToMinimisation(target) : double.NegativeInfinity;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Why the search stopped, once it has.</summary>
    public TerminationReason? Reason => _reason == NoReason ? null : (TerminationReason)_reason;

    /// <summary>Checks the clock and the cancellation token; true once any termination rule has fired.</summary>
    public bool ShouldStop()
    {
        if (_reason != NoReason) return true;
        if (_cancellation.IsCancellationRequested) return Stop(TerminationReason.Cancelled);
        var elapsed = _clock.Elapsed;
        if (elapsed >= _options.TimeLimit) return Stop(TerminationReason.TimeLimit);
        if (_options.UnimprovedTimeLimit is { } unimproved && elapsed - TimeSpan.FromTicks(Volatile.Read(ref _lastImprovementTicks)) >= unimproved)
            return Stop(TerminationReason.UnimprovedTimeLimit);
        return false;
    }

    /// <summary>Records why the search stops; the first reason wins.</summary>
    public bool Stop(TerminationReason reason)
    {
        Interlocked.CompareExchange(ref _reason, (int)reason, NoReason);
        return true;
    }

    /// <summary>The proven lower bound this search stops at (minimisation form).</summary>
    public double LowerBound => _lowerBound;

    /// <summary>A worker found a feasible solution better than its own best; report it if it is the best overall.</summary>
    public void OnFeasible(double objective, int[] slotOf)
    {
        lock (_gate)
        {
            if (objective >= _bestReported - Tolerance.Of(_bestReported)) return;
            _bestReported = objective;
            Volatile.Write(ref _lastImprovementTicks, _clock.Elapsed.Ticks);
            _progress?.Report(new SolveProgress(_clock.Elapsed, _model.ToProblemSense(objective), true, _model.ToAgentOfTask(slotOf), null));
        }
        if (objective <= _lowerBound + Tolerance.Of(_lowerBound)) Stop(TerminationReason.Optimal);
        else if (objective <= _target + Tolerance.Of(_target)) Stop(TerminationReason.TargetReached);
    }
}
