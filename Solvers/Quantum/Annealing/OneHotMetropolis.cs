using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// One Metropolis proposal of a one-hot walk at inverse temperature β: a two-task move (swap or ejection chain), a
/// cyclic exchange of three tasks or a shift, in the shares <see cref="SimulatedAnnealingOptions"/> sets, picked by
/// <see cref="OneHotProposals"/>, priced by its exact QUBO energy change (<see cref="OneHotState"/>) and accepted with
/// probability min(1, e^(−βΔE)) (<see cref="MetropolisThreshold"/>). Shared by the anneal (<see cref="OneHotAnnealer"/>) and the replica exchange
/// (<see cref="OneHotReplicaExchange"/>) so that both sample the QUBO with the same moves.
/// </summary>
internal sealed class OneHotMetropolis
{
    private readonly QuboAssignmentStructure _structure;
    private readonly int[] _movable;
    private readonly double _swapProbability;
    private readonly double _chainProbability;
    private readonly double _cycleProbability;
    private readonly bool _cheapest;
    private readonly int[] _group = new int[OneHotProposals.CycleSize];
    private readonly int[] _targets = new int[OneHotProposals.CycleSize];

    public OneHotMetropolis(QuboAssignmentStructure structure, SimulatedAnnealingOptions options)
    {
        _structure = structure;
        _movable = structure.MovableTasks();
        (_swapProbability, _chainProbability, _cheapest) = (options.SwapProbability, options.ChainProbability, options.CheapestChainArrival);
        // Cyclic exchanges are priced from per-task parts, which needs a residual that does not couple tasks.
        _cycleProbability = structure.ResidualCouplesTasks ? 0 : options.CycleProbability;
    }

    /// <summary>The tasks that have more than one place; a sweep makes one proposal per movable task.</summary>
    public int[] Movable => _movable;

    /// <summary>One proposal on <paramref name="state"/> at β; true when it was accepted (and applied).</summary>
    public bool Step(OneHotState state, double beta, ref Xoshiro256 random)
    {
        var movable = _movable;
        var task = movable[random.NextInt(movable.Length)];
        var draw = random.NextDouble();
        var threshold = new MetropolisThreshold(beta);
        if (draw < _swapProbability)
        {
            var other = movable[random.NextInt(movable.Length)];
            if (!OneHotProposals.PairTargets(state, task, other, _chainProbability, _cheapest, ref threshold, ref random, out var taskTo, out var otherTo)) return false;
            if (!threshold.Admits(state.PairDelta(task, taskTo, other, otherTo), ref random)) return false;
            state.PairMove(task, taskTo, other, otherTo);
            return true;
        }
        if (draw < _swapProbability + _cycleProbability)
        {
            var group = _group.AsSpan();
            var targets = _targets.AsSpan();
            group[0] = task;
            for (var g = 1; g < group.Length; g++) group[g] = movable[random.NextInt(movable.Length)];
            if (!OneHotProposals.CyclicTargets(state, group, targets)) return false;
            if (!threshold.Admits(state.GroupBound(group, targets), ref random)) return false;
            if (!threshold.Admits(state.GroupDelta(group, targets), ref random)) return false;
            for (var g = 0; g < group.Length; g++) state.Shift(group[g], targets[g]);
            return true;
        }
        var to = OneHotProposals.RandomOtherChoice(_structure, state.VariableOfTask[task], task, ref random);
        if (!threshold.Admits(state.ShiftDelta(task, to), ref random)) return false;
        state.Shift(task, to);
        return true;
    }

    /// <summary>One sweep: a proposal per movable task; returns how many were accepted.</summary>
    public int Sweep(OneHotState state, double beta, ref Xoshiro256 random)
    {
        var accepted = 0;
        for (var step = 0; step < _movable.Length; step++)
            if (Step(state, beta, ref random)) accepted++;
        return accepted;
    }
}
