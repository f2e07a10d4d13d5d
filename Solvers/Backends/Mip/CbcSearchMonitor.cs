using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Watches CBC's messages during a solve to apply <see cref="SolveOptions.TargetObjective"/> and
/// <see cref="SolveOptions.UnimprovedTimeLimit"/>, which CBC has no parameter for. CBC 2.10 passes every message to a
/// registered message callback (<c>Cbc_registerCallBack</c>) with its numeric fields; the "integer solution of %g
/// found" messages carry each new incumbent's objective (in CBC's internal minimisation sense), though not the
/// solution itself. When a rule fires the monitor stops CBC through <see cref="CbcStopSignal"/>.
/// The rules are checked whenever CBC reports (each solution, each node-log line), not on a timer.
/// </summary>
internal sealed class CbcSearchMonitor
{
    // CbcMessage.cpp: CBC_SOLUTION, CBC_ROUNDING (heuristics), CBC_STRONGSOL, subtree, CBC_SOLUTION2 (alternate solver), MIP start.
    private static readonly HashSet<int> IncumbentMessages = [4, 12, 16, 24, 33, 45];

    // The callback only receives the Cbc_Model pointer, so runs are found by it.
    private static readonly ConcurrentDictionary<IntPtr, CbcSearchMonitor> Active = new();

    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CbcStopSignal _stop;
    private readonly double _internalTarget;
    private readonly TimeSpan? _unimproved;
    private double _best = double.PositiveInfinity;
    private TimeSpan _lastImprovement;

    /// <param name="stop">The run's stop signal.</param>
    /// <param name="maximize">Whether the model maximises (CBC reports objectives minimised).</param>
    /// <param name="target">Stop once an incumbent is at least this good, in the problem's sense; null = never.</param>
    /// <param name="unimproved">Stop when the incumbent has not improved for this long (from the start while there is none).</param>
    public CbcSearchMonitor(CbcStopSignal stop, bool maximize, double? target, TimeSpan? unimproved)
    {
        _stop = stop;
        Sign = maximize ? -1 : 1;
        _internalTarget = target is { } t ? Sign * t : double.NegativeInfinity;
        _unimproved = unimproved;
    }

    /// <summary>Whether a solve with these rules needs a monitor (and so CBC's message stream).</summary>
    public static bool IsNeeded(double? target, TimeSpan? unimproved) => target is not null || unimproved is not null;

    public static unsafe delegate* unmanaged[Cdecl]<IntPtr, int, int, double*, int, int*, int, IntPtr, void> Callback => &OnMessage;

    /// <summary>The rule that stopped CBC, or null.</summary>
    public TerminationReason? StoppedBy { get; private set; }

    private double Sign { get; }

    public void Attach(IntPtr model) => Active[model] = this;

    public void Detach(IntPtr model) => Active.TryRemove(model, out _);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnMessage(IntPtr model, int message, int doubles, double* values, int ints, int* intValues, int strings, IntPtr stringValues)
    {
        try
        {
            if (Active.TryGetValue(model, out var monitor))
                monitor.Observe(IncumbentMessages.Contains(message) && doubles > 0 ? values[0] : null);
        }
        catch
        {
            // Nothing may unwind into CBC; a missed message only delays a stop.
        }
    }

    private void Observe(double? incumbent)
    {
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (incumbent is { } value && value < _best - 1e-9)
            {
                _best = value;
                _lastImprovement = now;
            }
            if (StoppedBy is not null)
                return;
            if (_best <= _internalTarget + 1e-9)
                Stop(TerminationReason.TargetReached);
            else if (_unimproved is { } patience && now - _lastImprovement >= patience)
                Stop(TerminationReason.UnimprovedTimeLimit);
        }
    }

    private void Stop(TerminationReason reason)
    {
        StoppedBy = reason;
        _stop.Request();
    }
}
