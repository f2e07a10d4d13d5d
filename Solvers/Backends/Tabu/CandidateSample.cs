namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The tasks that may start a swap or an ejection chain in this iteration. Those neighbourhoods have about n²/2
/// moves; on large problems a fresh random share of the tasks is drawn each iteration so that an iteration costs
/// a bounded number of evaluations (shifts, the cheap repairs, are always evaluated in full).
/// </summary>
internal sealed class CandidateSample
{
    private readonly AssignmentModel _model;
    private readonly double _share;

    public CandidateSample(AssignmentModel model, long evaluationBudget)
    {
        _model = model;
        Included = new bool[model.TaskCount];
        var pairs = 0.5 * model.MovableTasks.Length * (double)model.MovableTasks.Length;
        _share = pairs <= evaluationBudget ? 1 : evaluationBudget / pairs;
        if (_share >= 1) foreach (var task in model.MovableTasks) Included[task] = true;
    }

    /// <summary>Whether each task may start a move this iteration.</summary>
    public bool[] Included { get; }

    public void Draw(Random random)
    {
        if (_share >= 1) return;
        foreach (var task in _model.MovableTasks)
            Included[task] = random.NextDouble() < _share;
    }
}
