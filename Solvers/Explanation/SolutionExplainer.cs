using System.Globalization;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Explanation;

/// <summary>
/// Explains a checked schedule: breaks the score into objective terms and constraint penalties with the
/// assignments behind each, and gives each unassigned task the reason it could not be placed.
/// </summary>
public static class SolutionExplainer
{
    public static SolutionExplanation Explain(ProblemInstance instance, Schedule schedule, CheckResult check)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(check);
        var terms = ObjectiveScoreTerms(instance, schedule).ToList();
        terms.AddRange(ConstraintTerms(check.Violations));
        var reasons = new UnassignedReasons(instance, schedule);
        var unassigned = Enumerable.Range(0, schedule.TaskCount)
            .Where(t => schedule.AgentOfTask[t] == -1)
            .Select(reasons.For)
            .ToList();
        return new SolutionExplanation(terms, unassigned);
    }

    private static IEnumerable<ScoreTerm> ObjectiveScoreTerms(ProblemInstance instance, Schedule schedule)
    {
        var weights = ObjectiveTerms.EffectiveWeights(instance.Problem.Objective);
        var assigned = Enumerable.Range(0, schedule.TaskCount).Where(t => schedule.AgentOfTask[t] >= 0 && schedule.AgentOfTask[t] < instance.AgentCount).ToList();
        var tasks = instance.Problem.Tasks;
        var agents = instance.Problem.Agents;

        if (weights.Cost != 0)
        {
            var contributions = assigned
                .Select(t => Contribution(t, schedule.AgentOfTask[t], weights.Cost * instance.Cost(t, schedule.AgentOfTask[t]), $"cost {Format(instance.Cost(t, schedule.AgentOfTask[t]))}"))
                .ToList();
            yield return Term("TotalCost", contributions);
        }
        if (weights.Makespan != 0)
        {
            var placed = assigned.Where(schedule.IsPlaced).ToList();
            var makespan = placed.Count == 0 ? 0 : Math.Max(0, placed.Max(t => schedule.End[t]));
            var contributions = placed.Where(t => schedule.End[t] == makespan)
                .Select(t => Contribution(t, schedule.AgentOfTask[t], weights.Makespan * makespan, $"ends last, at {Format(makespan)}"))
                .ToList();
            yield return new ScoreTerm("Makespan", ScoreTermKind.Objective, weights.Makespan * makespan, contributions);
        }
        if (weights.WeightedTardiness != 0)
        {
            var contributions = assigned
                .Where(t => schedule.IsPlaced(t) && tasks[t].Deadline is { } d && schedule.End[t] > d)
                .Select(t =>
                {
                    var lateness = schedule.End[t] - tasks[t].Deadline!.Value;
                    return Contribution(t, schedule.AgentOfTask[t], weights.WeightedTardiness * tasks[t].Priority * lateness,
                        $"{Format(lateness)} late × priority {Format(tasks[t].Priority)}");
                })
                .ToList();
            yield return Term("WeightedTardiness", contributions);
        }
        if (weights.LoadBalance != 0)
        {
            var load = new double[instance.AgentCount];
            foreach (var t in assigned)
                load[schedule.AgentOfTask[t]] += instance.Load(t, schedule.AgentOfTask[t]);
            var ratios = Enumerable.Range(0, instance.AgentCount).Select(a => ObjectiveTerms.LoadRatio(load[a], instance.Capacity[a])).ToArray();
            var worst = ratios.DefaultIfEmpty(0).Max();
            var contributions = Enumerable.Range(0, instance.AgentCount).Where(a => ratios[a] == worst && worst > 0)
                .Select(a => new ScoreContribution(assigned.Where(t => schedule.AgentOfTask[t] == a).Select(t => tasks[t].Id).ToList(), [agents[a].Id],
                    weights.LoadBalance * worst, $"most loaded: load {Format(load[a])} of capacity {Format(instance.Capacity[a])}"))
                .ToList();
            yield return new ScoreTerm("LoadBalance", ScoreTermKind.Objective, weights.LoadBalance * worst, contributions);
        }

        ScoreContribution Contribution(int task, int agent, double amount, string description) =>
            new([tasks[task].Id], [agents[agent].Id], amount, description);
    }

    private static ScoreTerm Term(string name, List<ScoreContribution> contributions) =>
        new(name, ScoreTermKind.Objective, contributions.Sum(c => c.Amount), contributions);

    private static IEnumerable<ScoreTerm> ConstraintTerms(IReadOnlyList<Violation> violations) =>
        violations.GroupBy(v => (v.Constraint, v.IsHard))
            .OrderByDescending(g => g.Key.IsHard).ThenBy(g => g.Key.Constraint)
            .Select(g => new ScoreTerm(
                g.Key.Constraint.ToString(),
                g.Key.IsHard ? ScoreTermKind.Hard : ScoreTermKind.Soft,
                g.Sum(v => g.Key.IsHard ? v.Amount : v.Penalty),
                g.Select(v => new ScoreContribution(v.TaskIds, v.AgentIds, g.Key.IsHard ? v.Amount : v.Penalty, v.Message)).ToList()));

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
