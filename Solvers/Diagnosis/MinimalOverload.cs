using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Shrinks an overloading set of tasks to a small one that still overloads. The supply may depend on
/// the tasks chosen (e.g. the capacity of only the agents those tasks can use), so any subset whose
/// demand exceeds its own supply is itself a proof.
/// </summary>
internal static class MinimalOverload
{
    /// <summary>
    /// Takes the heaviest tasks until their demand exceeds their supply, then drops every task (lightest
    /// first) whose removal keeps the overload. Returns the tasks in ascending order, or an empty list
    /// when even all of them do not overload.
    /// </summary>
    public static List<int> Select(IEnumerable<int> tasks, Func<int, double> demand, Func<IReadOnlyCollection<int>, double> supply)
    {
        var chosen = new List<int>();
        var overloaded = false;
        foreach (var t in tasks.OrderByDescending(demand).ThenBy(t => t))
        {
            chosen.Add(t);
            if (Overloads(chosen, demand, supply))
            {
                overloaded = true;
                break;
            }
        }
        if (!overloaded)
            return [];

        foreach (var t in chosen.OrderBy(demand).ThenByDescending(t => t).ToList())
        {
            chosen.Remove(t);
            if (!Overloads(chosen, demand, supply))
                chosen.Add(t);
        }
        chosen.Sort();
        return chosen;
    }

    private static bool Overloads(List<int> tasks, Func<int, double> demand, Func<IReadOnlyCollection<int>, double> supply) =>
        tasks.Count > 0 && NumericTolerance.Exceeds(tasks.Sum(demand), supply(tasks));
}
