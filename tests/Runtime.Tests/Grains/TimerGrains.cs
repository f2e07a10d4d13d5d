using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuantumScheduler.Runtime.Tests.Grains;

[GenerateSerializer]
public sealed record TimerStats(
    [property: Id(0)] int Ticks,
    [property: Id(1)] int MaxConcurrentTicks,
    [property: Id(2)] int TicksDuringBusyCall,
    [property: Id(3)] double ShortestGapMilliseconds);

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan period, bool interleave, int callbackMilliseconds, bool keepAlive);

    Task StopTimer();

    [AlwaysInterleave]
    Task<TimerStats> GetStats();

    /// <summary>Holds the turn across awaits for <paramref name="milliseconds"/>.</summary>
    Task Busy(int milliseconds);

    [AlwaysInterleave]
    Task Deactivate();

    Task<Guid> GetActivationId();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    /// <summary>Keys whose running timer callback saw its token cancelled.</summary>
    public static readonly ConcurrentDictionary<string, bool> CancelledCallbacks = new();

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IGrainTimer? _timer;
    private int _ticks;
    private int _running;
    private int _maxRunning;
    private bool _busy;
    private int _ticksDuringBusy;
    private double _lastEnd = double.NaN;
    private double _shortestGap = double.MaxValue;

    public Task StartTimer(TimeSpan period, bool interleave, int callbackMilliseconds, bool keepAlive)
    {
        _timer = RegisterGrainTimer(
            (state, token) => TickAsync(state, token),
            callbackMilliseconds,
            new GrainTimerCreationOptions(period, period) { Interleave = interleave, KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<TimerStats> GetStats() => Task.FromResult(new TimerStats(_ticks, _maxRunning, _ticksDuringBusy, _shortestGap));

    public async Task Busy(int milliseconds)
    {
        _busy = true;
        await Task.Delay(milliseconds);
        _busy = false;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    private async Task TickAsync(int callbackMilliseconds, CancellationToken token)
    {
        var start = _clock.Elapsed.TotalMilliseconds;
        if (!double.IsNaN(_lastEnd))
            _shortestGap = Math.Min(_shortestGap, start - _lastEnd);
        _ticks++;
        if (_busy)
            _ticksDuringBusy++;
        _maxRunning = Math.Max(_maxRunning, Interlocked.Increment(ref _running));
        try
        {
            await Task.Delay(callbackMilliseconds, token);
        }
        catch (OperationCanceledException)
        {
            CancelledCallbacks[this.GetPrimaryKeyString()] = true;
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _lastEnd = _clock.Elapsed.TotalMilliseconds;
        }
    }
}
