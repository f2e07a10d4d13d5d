using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// The moves a one-hot anneal proposes: a shift to a random other option, a two-task move (swap or ejection chain)
/// and a cyclic exchange of three tasks. They only pick targets; the annealer prices every proposal by its exact
/// QUBO energy change (<see cref="OneHotState"/>) and accepts it by the Metropolis rule, so how targets are picked
/// changes which moves are tried, never what a move costs.
/// </summary>
internal static class OneHotProposals
{
    /// <summary>
    /// A two-task proposal for tasks on different agents: the first moves onto the second's agent, and the second
    /// either takes the first's agent (a swap) or, when <paramref name="chain"/>, is pushed on to another agent of its
    /// own (an ejection chain): the one where it arrives most cheaply when <paramref name="cheapestArrival"/>, else a
    /// random one. False when a place of the move has no variable, or when the chain is rejected before it is priced: no
    /// onward place could bring its energy change under the proposal's <paramref name="threshold"/>
    /// (<see cref="OneHotState.ChainBound"/>, before the search for the cheapest arrival), or the search found none that
    /// does (<see cref="BeyondReach"/>) — a rejection the exact change would also have given. <paramref name="delta"/> is
    /// the move's exact energy change when the search already priced it (a cheapest-arrival chain under a finite bound),
    /// else NaN.
    /// </summary>
    public static bool PairTargets(
        OneHotState state, int task, int other, bool chain, bool cheapestArrival, ref MetropolisThreshold threshold, ref Xoshiro256 random,
        out int taskTo, out int otherTo, out double delta)
    {
        (taskTo, otherTo, delta) = (-1, -1, double.NaN);
        if (!chain) return state.TrySwapTargets(task, other, out taskTo, out otherTo);
        if (cheapestArrival)
        {
            // The bound first: it is +∞ for a chain without a first step, and most chains are rejected on it.
            var bound = state.ChainBound(task, other, out var fixedPart);
            if (!threshold.Admits(bound, ref random)) return false;
            // A chain needs no place for the second task on the first one's agent, only somewhere onward.
            if (!state.TryArrivalAt(task, other, out taskTo)) return false;
            otherTo = CheapestArrival(state, other, state.VariableOfTask[task], out var onward, threshold.Headroom(fixedPart, ref random));
            if (otherTo == BeyondReach) return false;
            // Where the bound is finite, the chain's exact change is its fixed part plus the onward place's own change.
            if (otherTo >= 0 && bound > double.NegativeInfinity) delta = fixedPart + onward;
        }
        else
        {
            if (!state.TryArrivalAt(task, other, out taskTo)) return false;
            otherTo = RandomOtherChoice(state.Structure, state.VariableOfTask[other], other, ref random);
        }
        return otherTo >= 0 || !state.Structure.ExactlyOne;
    }

    /// <summary>
    /// The variable of <paramref name="task"/> other than its current one where it arrives most cheaply once the
    /// task that ejects it has left variable <paramref name="leaving"/>: its load-independent energy change plus the
    /// capacity penalty change of the arrival agent, measured from that agent's load after the leaving task is gone
    /// (so going back there is the swap). For a residual that does not couple tasks this is the exact minimiser of
    /// the chain's energy change over the onward places. On tight instances a random onward agent rarely has room,
    /// so random chains were nearly always rejected; this is the ejection chain of Yagiura, Ibaraki and Glover.
    /// -1 when the task has no other variable. With a finite <paramref name="reach"/> (where no agent is penalised), the
    /// scan also stops once an option's load-independent change alone exceeds it, and returns <see cref="BeyondReach"/>
    /// when the cheapest arrival's change is above it: on tight instances most options' agents are full, so a scan for
    /// the minimum went through most of them only to find a chain the Metropolis test then rejected.
    /// <paramref name="change"/> is the answer's own change (its load-independent change plus its arrival's penalty change).
    /// </summary>
    public static int CheapestArrival(OneHotState state, int task, int leaving, out double change, double reach = double.PositiveInfinity)
    {
        var structure = state.Structure;
        var (agentOf, unitLoad) = (structure.AgentOfVariable, structure.UnitLoad);
        var left = agentOf[leaving];
        var leftLoad = state.Load(left) - unitLoad[leaving];
        var leftChange = state.PenaltyChange(left, leftLoad);
        var current = state.VariableOfTask[task];
        // From the cheapest option up, once an option's load-independent change alone reaches the best chain found, no
        // later one can beat it: with no agent penalised every penalty change is ≥ 0. Most scans stop after a few options.
        var options = structure.VariablesByCost(task, out var sorted);
        var stopEarly = sorted && state.PenalizedAgents == 0;
        var (best, bestDelta, another) = (-1, double.PositiveInfinity, false);
        foreach (var v in options)
        {
            if (v == current) continue;
            another = true;
            var flip = state.FlipDelta(task, v);
            if (stopEarly && (flip >= bestDelta || flip > reach)) break;
            var agent = agentOf[v];
            var arrival = agent == left
                ? state.PenaltyChange(left, leftLoad + unitLoad[v]) - leftChange
                : state.PenaltyChange(agent, state.Load(agent) + unitLoad[v]);
            var delta = flip + arrival;
            if (delta < bestDelta) (best, bestDelta) = (v, delta);
        }
        change = bestDelta;
        return another && bestDelta > reach ? BeyondReach : best;
    }

    /// <summary><see cref="CheapestArrival"/>'s answer when no onward place's change is within its reach.</summary>
    public const int BeyondReach = -2;

    /// <summary>
    /// A cyclic exchange among the agents of three tasks: with their distinct agents in order of first appearance,
    /// a₁ … a_r (r ≥ 2), every task on aᵢ moves to aᵢ₊₁ (a_r's to a₁). Three agents make a 3-cycle; two, a two-for-one
    /// exchange. Both change three agents' loads at once, which on tight capacities connects assignments that no shift,
    /// swap or chain of two reaches without an overload. False when a task repeats or has no agent, or all share one
    /// agent; a move that sends a task where it has no variable is proposed and priced +∞
    /// (<see cref="OneHotState.CycleDelta"/>), so that targets are picked from agents alone.
    /// </summary>
    public static bool CyclicTargets(OneHotState state, int first, int second, int third, out CyclicExchange move)
    {
        move = default;
        if (first == second || first == third || second == third) return false;
        var (a0, a1, a2) = (state.AgentOfTask(first), state.AgentOfTask(second), state.AgentOfTask(third));
        if (a0 < 0 || a1 < 0 || a2 < 0) return false;
        // Each case is the rule above spelled out: the anneal makes this proposal 40 % of the time.
        int b0, b1, b2;
        if (a1 == a0)
        {
            if (a2 == a0) return false;
            (b0, b1, b2) = (a2, a2, a0);
        }
        else if (a2 == a0) (b0, b1, b2) = (a1, a0, a1);
        else if (a2 == a1) (b0, b1, b2) = (a1, a0, a0);
        else (b0, b1, b2) = (a1, a2, a0);
        move = new CyclicExchange(first, second, third, b0, b1, b2);
        return true;
    }

    /// <summary>A uniformly random option of the task other than its current one (-1 = none, when allowed).</summary>
    public static int RandomOtherChoice(QuboAssignmentStructure structure, int current, int task, ref Xoshiro256 random)
    {
        var own = structure.TaskVariables(task);
        // Every option but the current one: the task's variables, and "none" (index own.Count) when allowed; the
        // pick-th of them in order, found in O(1) by stepping over the current one's position.
        var pick = random.NextInt(own.Count + (structure.ExactlyOne ? 0 : 1) - 1);
        if (current >= 0 && pick >= structure.PositionInTask[current]) pick++;
        return pick < own.Count ? own[pick] : -1;
    }
}
