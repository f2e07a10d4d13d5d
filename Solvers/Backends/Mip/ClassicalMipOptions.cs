namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>Settings of the <c>classical-mip</c> backend beyond the per-solve <see cref="SolveOptions"/>.</summary>
public sealed record ClassicalMipOptions
{
    /// <summary>
    /// Run CBC's feasibility pump. Default false: in CBC 2.10 the pump does not watch the clock on large models
    /// (a 1600-job GAP instance with a 10 s limit ran 262 s). Off, large hard instances may end without an incumbent
    /// unless a warm start is given.
    /// </summary>
    public bool FeasibilityPump { get; init; }

    /// <summary>CBC's log level, printed to standard output. Default 0 (silent).</summary>
    public int LogLevel { get; init; }

    /// <summary>How long CBC may run past the time limit before the backend asks it to stop. Default 1 s.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to wait after asking CBC to stop (time limit or cancellation) before returning without it; the
    /// native call then finishes in the background and its model is freed when it does. Default 5 s.
    /// </summary>
    public TimeSpan AbandonGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Further CBC command-line parameters, name without the dash (e.g. "cuts" = "off"), applied last.</summary>
    public IReadOnlyDictionary<string, string> ExtraParameters { get; init; } = new Dictionary<string, string>();
}
