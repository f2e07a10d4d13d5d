namespace QuantumScheduler.Runtime;

/// <summary>A timer that belongs to one activation and dies with it. Dispose stops it and cancels the
/// token passed to a running callback.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer; the same rules as <see cref="GrainTimerCreationOptions"/> apply.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
