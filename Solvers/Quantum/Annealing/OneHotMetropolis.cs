using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Metropolis sweeps of a one-hot walk at inverse temperature β: two-task moves (swaps and ejection chains), cyclic
/// exchanges of three tasks and shifts, in the shares <see cref="SimulatedAnnealingOptions"/> sets, each picked by
/// <see cref="OneHotProposals"/>, priced by its exact QUBO energy change (<see cref="OneHotState"/>) and accepted with
/// probability min(1, e^(−βΔE)) (<see cref="MetropolisThreshold"/>). Shared by the anneal (<see cref="OneHotAnnealer"/>)
/// and the replica exchange (<see cref="OneHotReplicaExchange"/>) so that both sample the QUBO with the same moves.
/// </summary>
internal sealed class OneHotMetropolis
{
    private readonly QuboAssignmentStructure _structure;
    private readonly int[] _movable;
    private readonly double _chainShare;
    private readonly double _swapShare;
    private readonly double _cycleShare;
    private readonly bool _cheapest;
    private long _sweeps;
    // A sweep's tasks, drawn before its proposals (DrawTasks); reused from sweep to sweep.
    private int[] _tasks = [];

    public OneHotMetropolis(QuboAssignmentStructure structure, SimulatedAnnealingOptions options)
    {
        _structure = structure;
        _movable = structure.MovableTasks();
        _cheapest = options.CheapestChainArrival;
        (_chainShare, _swapShare) = (options.SwapProbability * options.ChainProbability, options.SwapProbability * (1 - options.ChainProbability));
        // Cyclic exchanges are priced from per-task parts, which needs a residual that does not couple tasks.
        _cycleShare = structure.ResidualCouplesTasks ? 0 : options.CycleProbability;
    }

    /// <summary>The tasks that have more than one place; a sweep makes one proposal per movable task.</summary>
    public int[] Movable => _movable;

    /// <summary>
    /// One sweep: a proposal per movable task, in blocks of one kind — ejection chains, swaps, cyclic exchanges, shifts —
    /// whose sizes keep the configured shares over the sweeps (<see cref="NextBlocks"/>: on a handful of tasks, where a
    /// kind's share of one sweep is below one proposal, it still comes up in its share of the sweeps). Blocks instead of
    /// a kind drawn per proposal: the branch on the kind is then predicted, which made a cold-end proposal 10–25 %
    /// cheaper. <paramref name="accepted"/>, when given, is called after every accepted move. Returns how many were
    /// accepted.
    /// </summary>
    public int Sweep(OneHotState state, double beta, ref Xoshiro256 random, Action? accepted = null)
    {
        var (chains, swaps, cycles, shifts) = NextBlocks();
        var count = 0;
        // A block's size may come out at −1 (NextBlocks keeps each kind's running total ≥ 0, not each sweep's size):
        // such a block makes no proposal and draws no task.
        var tasks = DrawTasks(2 * Math.Max(0, chains) + 2 * Math.Max(0, swaps) + 3 * Math.Max(0, cycles) + Math.Max(0, shifts), ref random);
        var next = 0;
        // One threshold per sweep, passed by value: each proposal tests against its own copy, so draws its own u.
        var threshold = new MetropolisThreshold(beta);
        for (var k = 0; k < chains; k++, next += 2)
            if (Pair(state, threshold, chain: true, tasks[next], tasks[next + 1], ref random)) Accepted(ref count, accepted);
        for (var k = 0; k < swaps; k++, next += 2)
            if (Pair(state, threshold, chain: false, tasks[next], tasks[next + 1], ref random)) Accepted(ref count, accepted);
        for (var k = 0; k < cycles; k++, next += 3)
            if (Cycle(state, threshold, tasks[next], tasks[next + 1], tasks[next + 2], ref random)) Accepted(ref count, accepted);
        for (var k = 0; k < shifts; k++, next++)
            if (Shift(state, threshold, tasks[next], ref random)) Accepted(ref count, accepted);
        return count;
    }

    /// <summary>
    /// The next sweep's block sizes, one proposal per movable task in all: kind k's count is how many multiples of 1/n
    /// its interval of the cumulative shares gains over this sweep, so the counts add up to n and each kind's total after
    /// s sweeps is its share of s·n to within one.
    /// </summary>
    internal (int Chains, int Swaps, int Cycles, int Shifts) NextBlocks()
    {
        var (s, n) = (_sweeps++, _movable.Length);
        int Boundary(double cumulative) => (int)(Math.Floor(cumulative * n * (s + 1)) - Math.Floor(cumulative * n * s));
        var (chains, swaps, cycles) = (Boundary(_chainShare), Boundary(_chainShare + _swapShare), Boundary(_chainShare + _swapShare + _cycleShare));
        return (chains, swaps - chains, cycles - swaps, n - cycles);
    }

    /// <summary>
    /// The tasks of a sweep's proposals — two per two-task move, three per cyclic exchange, one per shift — drawn uniformly
    /// from the movable tasks in one loop before any proposal is priced, in the order the blocks use them. Drawn inside
    /// each proposal, the generator (a struct reached through the reference every proposal is passed) made each draw wait
    /// on the stores of the one before; drawn here from a local copy it stays in registers, which made a proposal
    /// 1.1–1.4× cheaper (docs/qubo-annealing-hybrid.md, "Round 10").
    /// </summary>
    private int[] DrawTasks(int count, ref Xoshiro256 random)
    {
        if (_tasks.Length < count) _tasks = new int[count];
        var (tasks, movable) = (_tasks, _movable);
        var local = random;
        for (var k = 0; k < count; k++) tasks[k] = movable[local.NextInt(movable.Length)];
        random = local;
        return tasks;
    }

    private static void Accepted(ref int count, Action? accepted)
    {
        count++;
        accepted?.Invoke();
    }

    /// <summary>A two-task move: the first task onto the second's agent, the second on by a chain or back by a swap.</summary>
    private bool Pair(OneHotState state, MetropolisThreshold threshold, bool chain, int task, int other, ref Xoshiro256 random)
    {
        if (!OneHotProposals.PairTargets(state, task, other, chain, _cheapest, ref threshold, ref random, out var taskTo, out var otherTo, out var delta)) return false;
        if (double.IsNaN(delta)) delta = state.PairDelta(task, taskTo, other, otherTo);
        if (!threshold.Admits(delta, ref random)) return false;
        state.PairMove(task, taskTo, other, otherTo);
        return true;
    }

    private bool Cycle(OneHotState state, MetropolisThreshold threshold, int first, int second, int third, ref Xoshiro256 random)
    {
        if (!OneHotProposals.CyclicTargets(state, first, second, third, out var move)) return false;
        if (!threshold.Admits(state.CycleBound(move, out var objectiveChange), ref random)) return false;
        if (!threshold.Admits(objectiveChange + state.CyclePenaltyChange(move, threshold.Ceiling - objectiveChange), ref random)) return false;
        state.Cycle(move);
        return true;
    }

    private bool Shift(OneHotState state, MetropolisThreshold threshold, int task, ref Xoshiro256 random)
    {
        var to = OneHotProposals.RandomOtherChoice(_structure, state.VariableOfTask[task], task, ref random);
        if (!threshold.Admits(state.ShiftDelta(task, to), ref random)) return false;
        state.Shift(task, to);
        return true;
    }
}
