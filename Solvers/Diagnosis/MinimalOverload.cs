using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>Shrinks an overloading set of tasks to the fewest that still overload: the heaviest first.</summary>
internal static class MinimalOverload
{
    /// <summary>The heaviest prefix of <paramref name="tasks"/> whose loads exceed <paramref name="limit"/>; ties by task order.</summary>
    public static List<int> Select(IEnumerable<int> tasks, Func<int, double> load, double limit)
    {
        var chosen = new List<int>();
        var total = 0.0;
        foreach (var t in tasks.OrderByDescending(load).ThenBy(t => t))
        {
            chosen.Add(t);
            total += load(t);
            if (NumericTolerance.Exceeds(total, limit))
                break;
        }
        chosen.Sort();
        return chosen;
    }
}
