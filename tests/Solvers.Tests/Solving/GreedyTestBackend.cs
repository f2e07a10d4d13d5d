using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Solving;

/// <summary>
/// TEST DOUBLE, not a real backend: puts each task, in input order, on its cheapest eligible agent that
/// still has capacity (pinned tasks first, on their agent); when none has, leaves it unassigned if
/// allowed, else overloads the cheapest. Deterministic, so pipeline tests know what to expect.
/// </summary>
internal sealed class GreedyTestBackend(BackendCapabilities? capabilities = null, BackendAvailability? availability = null) : ISolverBackend
{
    public static BackendCapabilities Everything { get; } = new()
    {
        Objectives = Enum.GetValues<ObjectiveKind>().ToHashSet(),
        SupportsDependencies = true,
        SupportsDeadlines = true,
        SupportsAvailability = true,
        SupportsSoftConstraints = true,
        SupportsUnassigned = true,
        SupportsWarmStart = false,
        SupportsPinning = true,
    };

    public int Calls { get; private set; }

    /// <summary>A bound to report, as an exact backend would.</summary>
    public double? Bound { get; init; }

    public string Name => "greedy-test-double";

    public BackendCapabilities Capabilities => capabilities ?? Everything;

    public BackendAvailability Availability => availability ?? BackendAvailability.Available;

    public Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        Calls++;
        var agents = new int[instance.TaskCount];
        var load = new double[instance.AgentCount];
        Array.Fill(agents, -1);
        var order = Enumerable.Range(0, instance.TaskCount).OrderBy(t => instance.PinnedAgent[t] >= 0 ? 0 : 1).ThenBy(t => t);
        foreach (var t in order)
        {
            var candidates = instance.EligibleAgents[t].OrderBy(a => instance.Cost(t, a)).ThenBy(a => a).ToList();
            var fitting = candidates.Where(a => load[a] + instance.Load(t, a) <= instance.Capacity[a]).ToList();
            if (fitting.Count > 0)
                agents[t] = fitting[0];
            else if (!instance.Problem.Constraints.AllowUnassigned && candidates.Count > 0)
                agents[t] = candidates[0];
            if (agents[t] >= 0)
                load[agents[t]] += instance.Load(t, agents[t]);
        }
        return Task.FromResult(new BackendResult
        {
            AgentOfTask = agents,
            Termination = TerminationReason.Completed,
            Bound = Bound,
            Details = new Dictionary<string, string> { ["strategy"] = "cheapest fitting agent" },
        });
    }
}
