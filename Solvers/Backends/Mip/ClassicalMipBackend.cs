using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// <c>classical-mip</c>: the exact backend. It writes the assignment MIP (<see cref="MipModelBuilder"/>) and solves
/// it with CBC 2.10 through its C API, returning CBC's best assignment, its proven bound and
/// <see cref="TerminationReason.Optimal"/> when CBC proves optimality (or reaches the target gap).
/// <para>
/// The time limit is CBC's own (wall clock) and is enforced a second time here: past the limit plus
/// <see cref="ClassicalMipOptions.StopGrace"/> the backend stops CBC through <see cref="CbcStopSignal"/>, and if CBC
/// still has not returned after <see cref="ClassicalMipOptions.AbandonGrace"/> it answers without it (warm start or
/// nothing). Cancellation, <see cref="SolveOptions.TargetObjective"/> and <see cref="SolveOptions.UnimprovedTimeLimit"/>
/// (watched through CBC's messages, <see cref="CbcSearchMonitor"/>) stop CBC the same way. CBC 2.10's C API never
/// hands out an incumbent's solution while it runs, so progress is reported once, with the final incumbent.
/// CBC 2.10 cannot run two solves at once in one process (<see cref="CbcSolveGate"/>): concurrent calls queue, and
/// the queueing time counts against their time limits.
/// </para>
/// </summary>
public sealed class ClassicalMipBackend : ISolverBackend
{
    /// <summary>The name users select the backend by.</summary>
    public const string BackendName = "classical-mip";

    private const double NoValue = 1e49; // CBC reports "nothing" as ±1e50

    private readonly CbcLibrary _library;
    private readonly ClassicalMipOptions _options;

    public ClassicalMipBackend()
        : this(new ClassicalMipOptions())
    {
    }

    public ClassicalMipBackend(ClassicalMipOptions options)
        : this(options, CbcLibrary.Default)
    {
    }

    /// <summary>Binds to another library (tests point this at a missing one to see the backend report itself unavailable).</summary>
    internal ClassicalMipBackend(ClassicalMipOptions options, CbcLibrary library)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _library = library;
        if (library == CbcLibrary.Default)
            CbcLibrary.EnsureResolverInstalled();
    }

    public string Name => BackendName;

    public BackendCapabilities Capabilities => MipSupport.Capabilities;

    // Only the default library is bound to the P/Invoke declarations; another one can only ever be reported on.
    public BackendAvailability Availability =>
        _library.Availability is { IsAvailable: true } && _library != CbcLibrary.Default
            ? BackendAvailability.Unavailable($"{_library.FileName} is not the library the CBC bindings resolve to")
            : _library.Availability;

    /// <exception cref="InvalidOperationException">CBC is not available (see <see cref="Availability"/>).</exception>
    /// <exception cref="NotSupportedException">The problem needs something the MIP cannot model; the message says what.</exception>
    public async Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (Availability is { IsAvailable: false, Reason: var unavailable })
            throw new InvalidOperationException($"{Name} is unavailable: {unavailable}");
        if (MipSupport.WhyUnsupported(instance.Problem) is { } unsupported)
            throw new NotSupportedException(unsupported);

        if (instance.TaskCount == 0)
        {
            // Nothing to decide, and CBC takes a model without integer columns down its LP path, which keeps no solution.
            return new BackendResult { AgentOfTask = [], Termination = TerminationReason.Optimal, Bound = 0 };
        }

        var clock = Stopwatch.StartNew();
        var model = MipModelBuilder.Build(instance);
        var start = MipWarmStart.Columns(instance, model);
        var details = new Dictionary<string, string>
        {
            ["cbcVersion"] = Marshal.PtrToStringUTF8(CbcNative.Cbc_getVersion()) ?? "unknown",
            ["columns"] = Format(model.ColumnCount),
            ["rows"] = Format(model.RowCount),
            ["warmStartAssignments"] = Format(start.Length),
        };
        if (cancellationToken.IsCancellationRequested)
            return Unfinished(model, start, TerminationReason.Cancelled, details);

        if (!await CbcSolveGate.EnterAsync(options.TimeLimit - clock.Elapsed, cancellationToken).ConfigureAwait(false))
        {
            details["stoppedBy"] = "waiting for another CBC solve to end (CBC solves run one at a time)";
            return Unfinished(model, start, cancellationToken.IsCancellationRequested ? TerminationReason.Cancelled : TerminationReason.TimeLimit, details);
        }
        var remaining = options.TimeLimit - clock.Elapsed;
        var run = new CbcSolveRun(model, CbcCommandLine.For(options, _options, remaining), start, options.TargetObjective, options.UnimprovedTimeLimit);
        var interruption = await SuperviseAsync(run, remaining, cancellationToken).ConfigureAwait(false);
        if (interruption is not null)
            details["stoppedBy"] = interruption.Value.Description;
        if (interruption is { Abandoned: true } abandoned)
            return Unfinished(model, start, abandoned.Termination, details);

        var outcome = await run.Completion.ConfigureAwait(false);
        if (interruption is null && run.StoppedByRule is { } rule)
        {
            interruption = new Interruption(rule, Abandoned: false);
            details["stoppedBy"] = interruption.Value.Description;
        }
        details["nodes"] = Format(outcome.Nodes);
        details["cbcSecondaryStatus"] = Format(outcome.SecondaryStatus);
        var agentOfTask = outcome.Solution is { } solution ? model.Decode(solution) : MipWarmStart.Assignment(model, start);
        var result = interruption is { } stopped
            // After a stop CBC believes its pruned tree was searched: its optimality and bound are not proofs.
            ? new BackendResult { AgentOfTask = agentOfTask, Termination = stopped.Termination, Details = details }
            : FromOutcome(outcome, agentOfTask, details);
        if (outcome.Solution is not null)
        {
            details["mipObjective"] = Format(outcome.Objective);
            progress?.Report(new SolveProgress(clock.Elapsed, outcome.Objective, true, agentOfTask, result.Bound));
        }
        return result;
    }

    private static BackendResult FromOutcome(CbcOutcome outcome, int[] agentOfTask, IReadOnlyDictionary<string, string> details)
    {
        double? bound = Math.Abs(outcome.BestPossible) < NoValue ? outcome.BestPossible : null;
        var termination = outcome switch
        {
            { Solution: not null, ProvenOptimal: true } => TerminationReason.Optimal,
            { Solution: null, ProvenInfeasible: true } => TerminationReason.Infeasible,
            { SecondaryStatus: CbcOutcome.StoppedOnTime } => TerminationReason.TimeLimit,
            _ => TerminationReason.Completed,
        };
        if (termination == TerminationReason.Infeasible)
            bound = null;
        return new BackendResult { AgentOfTask = agentOfTask, Termination = termination, Bound = bound, Details = details };
    }

    private static BackendResult Unfinished(MipModel model, int[] start, TerminationReason termination, IReadOnlyDictionary<string, string> details) =>
        new() { AgentOfTask = MipWarmStart.Assignment(model, start), Termination = termination, Details = details };

    /// <summary>Waits for CBC, stopping it on cancellation or when it overruns the limit, and abandoning it if it will not stop.</summary>
    private async Task<Interruption?> SuperviseAsync(CbcSolveRun run, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var completion = run.Start();
        using (var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var deadline = Task.Delay(DelayOf(timeLimit + _options.StopGrace), watchdog.Token);
            if (await Task.WhenAny(completion, deadline).ConfigureAwait(false) == completion)
                return null;
            watchdog.Cancel();
        }
        var termination = cancellationToken.IsCancellationRequested ? TerminationReason.Cancelled : TerminationReason.TimeLimit;
        run.RequestStop();
        var stopped = await Task.WhenAny(completion, Task.Delay(DelayOf(_options.AbandonGrace))).ConfigureAwait(false) == completion;
        return new Interruption(termination, Abandoned: !stopped);
    }

    private static TimeSpan DelayOf(TimeSpan span) =>
        span < TimeSpan.Zero ? TimeSpan.Zero : span.TotalMilliseconds >= int.MaxValue ? Timeout.InfiniteTimeSpan : span;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Interruption(TerminationReason Termination, bool Abandoned)
    {
        public string Description => Termination switch
        {
            TerminationReason.Cancelled => "cancellation",
            TerminationReason.TargetReached => "target objective",
            TerminationReason.UnimprovedTimeLimit => "unimproved time limit",
            _ => "watchdog",
        } + (Abandoned ? " (CBC abandoned, still running)" : string.Empty);
    }
}
