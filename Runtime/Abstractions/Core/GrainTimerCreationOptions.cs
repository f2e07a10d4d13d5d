namespace QuantumScheduler.Runtime;

/// <summary>How a grain timer ticks (Orleans' <c>GrainTimerCreationOptions</c>).</summary>
public readonly record struct GrainTimerCreationOptions
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Delay before the first tick; <see cref="Timeout.InfiniteTimeSpan"/> creates a paused timer.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay from the end of one tick to the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> ticks once.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>False (default): ticks obey the grain's turn rules like a call. True: ticks interleave with calls.</summary>
    public bool Interleave { get; init; }

    /// <summary>False (default): ticks do not count as activity, so the timer does not keep the grain alive.</summary>
    public bool KeepAlive { get; init; }
}
