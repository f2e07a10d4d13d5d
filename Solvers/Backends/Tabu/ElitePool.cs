namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>The best distinct feasible solutions seen, best first: restart points for the search.</summary>
internal sealed class ElitePool
{
    private readonly int _capacity;
    private readonly List<EliteSolution> _solutions = [];

    public ElitePool(int capacity) => _capacity = capacity;

    public IReadOnlyList<EliteSolution> Solutions => _solutions;

    public int Count => _solutions.Count;

    /// <summary>Keeps the solution if it is new and better than the worst kept; returns whether it was kept.</summary>
    public bool Offer(double objective, ReadOnlySpan<int> slotOf)
    {
        if (_solutions.Count == _capacity && objective >= _solutions[^1].Objective) return false;
        var position = 0;
        while (position < _solutions.Count && _solutions[position].Objective <= objective)
        {
            if (_solutions[position].Objective == objective && slotOf.SequenceEqual(_solutions[position].SlotOf)) return false;
            position++;
        }
        for (var i = position; i < _solutions.Count && _solutions[i].Objective == objective; i++)
        {
            if (slotOf.SequenceEqual(_solutions[i].SlotOf)) return false;
        }
        _solutions.Insert(position, new EliteSolution(objective, slotOf.ToArray()));
        if (_solutions.Count > _capacity) _solutions.RemoveAt(_solutions.Count - 1);
        return true;
    }

    public void OfferAll(ElitePool other)
    {
        foreach (var solution in other._solutions) Offer(solution.Objective, solution.SlotOf);
    }
}

/// <summary>A feasible solution: its minimisation-form objective and the slot of each task.</summary>
internal sealed record EliteSolution(double Objective, int[] SlotOf);
