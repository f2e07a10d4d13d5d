namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Short-term memory: after a task leaves a slot, putting it back there is forbidden for a random number of
/// iterations (the tenure), which stops the search from undoing its last moves and cycling.
/// </summary>
internal sealed class TabuList
{
    private readonly long[] _forbiddenUntil;
    private readonly int _slotCount;
    private readonly int _minTenure;
    private readonly int _tenureSpan;

    public TabuList(AssignmentModel model, TabuSearchOptions options)
    {
        _slotCount = model.SlotCount;
        _forbiddenUntil = new long[model.TaskCount * model.SlotCount];
        _minTenure = options.MinTenure;
        _tenureSpan = (int)Math.Round(options.TenureScale * Math.Sqrt(model.TaskCount)) + 1;
    }

    public bool IsTabu(int task, int slot, long iteration) => _forbiddenUntil[task * _slotCount + slot] > iteration;

    /// <summary>Forbids the task to return to the slot it just left.</summary>
    public void Forbid(int task, int slot, long iteration, Random random) =>
        _forbiddenUntil[task * _slotCount + slot] = iteration + _minTenure + random.Next(_tenureSpan);

    public void Clear() => Array.Clear(_forbiddenUntil);
}
