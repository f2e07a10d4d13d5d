using Microsoft.Extensions.Time.Testing;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>The fake clock as the code under test sees it, counting the timers armed on it, so that a test moves time
/// on only while that code waits on the clock. Stepping blindly races ahead of a slow machine: a join given 30 s was
/// seen to fail at 326 s of fake time while the CI machine ran other test projects.</summary>
public sealed class WaitObservingClock : TimeProvider
{
    private readonly FakeTimeProvider _time;
    private int _armed;

    public WaitObservingClock(FakeTimeProvider time) => _time = time;

    /// <summary>Whether some timer on this clock is armed: the code under test waits for time to pass.</summary>
    public bool SomethingWaits => Volatile.Read(ref _armed) > 0;

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ArmedTimer(this, callback, state, dueTime, period);

    private sealed class ArmedTimer : ITimer
    {
        private readonly WaitObservingClock _clock;
        private readonly ITimer _timer;
        private readonly Lock _lock = new();
        private TimeSpan _period;
        private bool _armed;

        public ArmedTimer(WaitObservingClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _period = period;
            SetArmed(dueTime != Timeout.InfiniteTimeSpan);
            _timer = clock._time.CreateTimer(_ => Fire(callback, state), null, dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            SetArmed(dueTime != Timeout.InfiniteTimeSpan);
            return _timer.Change(dueTime, period);
        }

        public void Dispose()
        {
            SetArmed(false);
            _timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            SetArmed(false);
            return _timer.DisposeAsync();
        }

        private void Fire(TimerCallback callback, object? state)
        {
            // A one-shot timer that fired waits no more: what it wakes up runs on real time.
            if (_period == Timeout.InfiniteTimeSpan)
                SetArmed(false);
            callback(state);
        }

        private void SetArmed(bool armed)
        {
            lock (_lock)
            {
                if (_armed == armed)
                    return;
                _armed = armed;
                Interlocked.Add(ref _clock._armed, armed ? 1 : -1);
            }
        }
    }
}
