using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// What the analyses share: the instance and the tasks that must be assigned. Every task must be
/// assigned unless unassigned tasks are allowed; even then pinned tasks must, and so must every task
/// a must-assign task depends on (a dependency on an unassigned task is a hard violation).
/// </summary>
internal sealed class DiagnosisContext
{
    public DiagnosisContext(ProblemInstance instance)
    {
        Instance = instance;
        Problem = instance.Problem;
        Mandatory = new bool[instance.TaskCount];
        var pending = new Stack<int>();
        for (var t = 0; t < instance.TaskCount; t++)
            if (!Problem.Constraints.AllowUnassigned || instance.PinnedAgent[t] >= 0)
                pending.Push(t);
        while (pending.TryPop(out var task))
        {
            if (Mandatory[task])
                continue;
            Mandatory[task] = true;
            foreach (var p in instance.Predecessors[task])
                pending.Push(p);
        }
    }

    public ProblemInstance Instance { get; }

    public SchedulingProblem Problem { get; }

    /// <summary>Whether each task must be assigned in every feasible schedule.</summary>
    public bool[] Mandatory { get; }

    public bool CapacityIsHard => Problem.Constraints.Capacity.IsHard;

    public bool DeadlinesAreHard => Problem.Constraints.Deadlines.IsHard;

    public string TaskId(int task) => Problem.Tasks[task].Id;

    public string AgentId(int agent) => Problem.Agents[agent].Id;

    /// <summary>The smallest load the task puts on any agent it may go to.</summary>
    public double MinimumLoad(int task) => Instance.EligibleAgents[task].Select(a => Instance.Load(task, a)).DefaultIfEmpty(double.PositiveInfinity).Min();

    /// <summary>Skills every one of the tasks needs that no agent outside the group has: why only the group can do them.</summary>
    public IReadOnlyList<string> ExclusiveSkills(IEnumerable<int> tasks, IReadOnlySet<int> group)
    {
        var outsiders = Enumerable.Range(0, Instance.AgentCount).Where(a => !group.Contains(a)).Select(a => Problem.Agents[a]).ToList();
        return tasks.Select(t => (IEnumerable<string>)Problem.Tasks[t].RequiredSkills)
            .Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal))
            .Where(skill => outsiders.All(agent => !agent.Skills.Contains(skill, StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> ids) => string.Join(", ", ids);

    /// <summary>A list of ids for a message, cut after a dozen (the conflict itself keeps them all).</summary>
    public static string Shorten(IReadOnlyList<string> ids) =>
        ids.Count <= 12 ? List(ids) : $"{List(ids.Take(12))} and {ids.Count - 12} more";

    public static string Skills(IReadOnlyCollection<string> skills) =>
        skills.Count == 1 ? $"skill '{skills.First()}'" : "skills " + string.Join(", ", skills.Select(s => $"'{s}'"));
}
