using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// <c>classical-tabu</c>: an anytime tabu search over assignments. Total-cost problems without time constraints
/// take the fast path (shift, swap and ejection-chain moves evaluated in O(1), strategic oscillation through
/// infeasible space under adaptive capacity penalties); everything else takes the schedule path, which scores
/// sampled moves with the shared objective evaluator. Both run as a multi-threaded portfolio with elite restarts
/// that is reproducible for a given seed and thread count. See docs/solvers-classical-tabu.md.
/// </summary>
public sealed class ClassicalTabuBackend : ISolverBackend
{
    /// <summary>The name users select the backend by.</summary>
    public const string BackendName = "classical-tabu";

    private readonly TabuSearchOptions _options;

    public ClassicalTabuBackend(TabuSearchOptions? options = null)
    {
        _options = options ?? new TabuSearchOptions();
        _options.Validate();
    }

    public string Name => BackendName;

    public BackendCapabilities Capabilities { get; } = new()
    {
        Objectives = new HashSet<ObjectiveKind>(Enum.GetValues<ObjectiveKind>()),
        SupportsDependencies = true,
        SupportsDeadlines = true,
        SupportsAvailability = true,
        SupportsSoftConstraints = true,
        SupportsUnassigned = true,
        SupportsWarmStart = true,
        SupportsPinning = true,
    };

    public BackendAvailability Availability => BackendAvailability.Available;

    public Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Threads < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "SolveOptions.Threads must be 0 (all cores) or positive.");
        var model = AssignmentModel.Create(instance);
        // The token is not handed to the task factory: a cancelled solve still returns its best assignment.
        return Task.Factory.StartNew(() => Solve(model, options, progress, cancellationToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Whether the problem is a pure assignment problem with a linear objective, so the fast path applies.</summary>
    internal static bool IsAssignmentProblem(ProblemInstance instance)
    {
        var problem = instance.Problem;
        return problem.Objective.Kind == ObjectiveKind.TotalCost
               && problem.Tasks.All(t => t.Dependencies.Count == 0 && t.Deadline is null)
               && problem.Agents.All(a => a.Availability is null);
    }

    private BackendResult Solve(AssignmentModel model, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var fastPath = IsAssignmentProblem(model.Instance);
        var lowerBound = fastPath ? model.LowerBound : double.NegativeInfinity;
        var monitor = new SearchMonitor(model, options, lowerBound, progress, cancellationToken);
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        Func<int, SearchWorker> createWorker = fastPath
            ? seed => new AssignmentTabuWorker(model, _options, seed, monitor)
            : seed => new ScheduleTabuWorker(model, _options, seed, monitor);
        var search = new PortfolioSearch(model, _options, options.Seed, threads, monitor, createWorker);
        var best = search.Run();
        var reason = monitor.Reason ?? TerminationReason.Completed;
        var details = new Dictionary<string, string>
        {
            ["path"] = fastPath ? "assignment" : "schedule",
            ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
            ["iterations"] = search.Workers.Sum(w => w.Iterations).ToString(CultureInfo.InvariantCulture),
            ["evaluations"] = search.Workers.Sum(w => w.Evaluations).ToString(CultureInfo.InvariantCulture),
            ["feasibleIterations"] = search.Workers.Sum(w => w.FeasibleIterations).ToString(CultureInfo.InvariantCulture),
            ["restarts"] = search.Workers.Sum(w => w.Restarts).ToString(CultureInfo.InvariantCulture),
        };
        if (fastPath) details["lowerBound"] = model.ToProblemSense(lowerBound).ToString("R", CultureInfo.InvariantCulture);
        return new BackendResult
        {
            AgentOfTask = model.ToAgentOfTask(best.BestSlotOf),
            Termination = reason,
            Bound = reason == TerminationReason.Optimal ? model.ToProblemSense(lowerBound) : null,
            Details = details,
        };
    }
}
