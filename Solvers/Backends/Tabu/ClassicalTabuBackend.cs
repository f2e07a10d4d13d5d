using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// <c>classical-tabu</c>: an anytime tabu search over assignments with shift and swap moves, strategic oscillation
/// through infeasible space under adaptive capacity penalties, elite restarts, and a multi-threaded portfolio that
/// is reproducible for a given seed and thread count. See docs/solvers-classical-tabu.md.
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
        Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.TotalCost },
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
        EnsureSupported(instance);
        // The token is not handed to the task factory: a cancelled solve still returns its best assignment.
        return Task.Factory.StartNew(() => Solve(instance, options, progress, cancellationToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private BackendResult Solve(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        var model = AssignmentModel.Create(instance);
        var monitor = new SearchMonitor(model, options, progress, cancellationToken);
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var search = new PortfolioSearch(model, _options, options.Seed, threads, monitor);
        var best = search.Run();
        var reason = monitor.Reason ?? TerminationReason.Completed;
        var details = new Dictionary<string, string>
        {
            ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
            ["iterations"] = search.Workers.Sum(w => w.Iterations).ToString(CultureInfo.InvariantCulture),
            ["restarts"] = search.Workers.Sum(w => w.Restarts).ToString(CultureInfo.InvariantCulture),
            ["lowerBound"] = model.ToProblemSense(model.LowerBound).ToString("R", CultureInfo.InvariantCulture),
        };
        return new BackendResult
        {
            AgentOfTask = model.ToAgentOfTask(best.BestSlotOf),
            Termination = reason,
            Bound = reason == TerminationReason.Optimal ? model.ToProblemSense(model.LowerBound) : null,
            Details = details,
        };
    }

    /// <summary>Refuses, with every reason at once, a problem that needs what this backend does not do.</summary>
    private void EnsureSupported(ProblemInstance instance)
    {
        var problem = instance.Problem;
        var reasons = new List<string>();
        if (!Capabilities.Objectives.Contains(problem.Objective.Kind))
            reasons.Add($"objective {problem.Objective.Kind} is not supported (supported: {string.Join(", ", Capabilities.Objectives)})");
        if (problem.Tasks.Any(t => t.Dependencies.Count > 0)) reasons.Add("task dependencies are not supported");
        if (problem.Tasks.Any(t => t.Deadline is not null)) reasons.Add("deadlines are not supported");
        if (problem.Agents.Any(a => a.Availability is not null)) reasons.Add("availability windows are not supported");
        if (reasons.Count > 0)
            throw new NotSupportedException($"{BackendName} cannot solve problem \"{problem.Name}\": {string.Join("; ", reasons)}.");
    }
}
