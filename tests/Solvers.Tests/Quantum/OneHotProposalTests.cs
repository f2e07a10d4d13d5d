using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The annealer's proposals (<see cref="OneHotProposals"/>): cyclic exchanges and cheapest-arrival chains must be the
/// moves they claim to be, and <see cref="OneHotState.CycleDelta"/> must be the model's own energy change.
/// </summary>
public class OneHotProposalTests
{
    private static SchedulingQubo Formulate(int seed, bool allowUnassigned = false, bool pin = false, ObjectiveKind kind = ObjectiveKind.TotalCost, int tasks = 9, int agents = 4, bool sparse = false)
    {
        // Sparse: 18 agents in 6 skill groups, so a sixth of the pairs have a variable and the state prices moves
        // through the variables instead of the structure's dense (task, agent) tables.
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(sparse
            ? QuboTestProblems.Gap(seed, 3 * tasks, 18, allowUnassigned, pin, kind: kind, skillGroups: 6)
            : QuboTestProblems.Gap(seed, tasks, agents, allowUnassigned, pin, kind: kind)));
        Assert.Equal(sparse || qubo.Structure.ResidualCouplesTasks, qubo.Structure.LinearAt is null);
        return qubo;
    }

    private static int[] RandomAssignment(QuboAssignmentStructure structure, Random random) =>
        Enumerable.Range(0, structure.TaskCount).Select(t =>
            structure.TaskVariables(t) is { Count: > 0 } own ? own[random.Next(own.Count)] : -1).ToArray();

    /// <summary>Random assignments, every other one quenched to a local minimum (where it fits, so bounds are finite).</summary>
    private static IEnumerable<OneHotState> RandomAndQuenchedStates(QuboAssignmentStructure structure, Random random, int count)
    {
        for (var round = 0; round < count; round++)
        {
            var state = new OneHotState(structure, RandomAssignment(structure, random));
            if (round % 2 == 0) OneHotQuench.Run(state, cyclicExchanges: false, long.MaxValue, CancellationToken.None);
            yield return state;
        }
    }

    [Theory]
    [InlineData(41, false, false, false)]
    [InlineData(42, true, false, false)]
    [InlineData(43, false, true, false)]
    [InlineData(59, false, false, true)]
    [InlineData(60, true, false, true)]
    public void Cyclic_exchange_deltas_equal_the_recomputed_QUBO_energy(int seed, bool allowUnassigned, bool pin, bool sparse)
    {
        var qubo = Formulate(seed, allowUnassigned, pin, sparse: sparse);
        var structure = qubo.Structure;
        var random = new Random(seed);
        var state = new OneHotState(structure, RandomAssignment(structure, random));
        var movable = structure.MovableTasks();
        var (cycles, twoForOne) = (0, 0);
        for (var step = 0; step < 600; step++)
        {
            int[] group = [movable[random.Next(movable.Length)], movable[random.Next(movable.Length)], movable[random.Next(movable.Length)]];
            if (!OneHotProposals.CyclicTargets(state, group[0], group[1], group[2], out var move)) continue;
            var agentsBefore = group.Select(t => structure.AgentOfVariable[state.VariableOfTask[t]]).Distinct().Count();
            if (agentsBefore == 3) cycles++;
            else twoForOne++;
            var before = qubo.Model.Energy(state.ToBits());
            var predicted = state.CycleDelta(move);
            if (double.IsPositiveInfinity(predicted))
            {
                // A task has no variable where the cycle would send it: priced out, and not a move.
                Assert.Throws<InvalidOperationException>(() => state.Cycle(move));
                Assert.Equal(before, qubo.Model.Energy(state.ToBits()));
                continue;
            }
            state.Cycle(move);
            var after = qubo.Model.Energy(state.ToBits());
            Assert.Equal(after - before, predicted, 6);
            Assert.Equal(after, state.Energy, 6);
        }
        Assert.True(cycles > 20 && twoForOne > 20, $"too few moves tried: {cycles} cycles, {twoForOne} two-for-one");
    }

    [Fact]
    public void A_cyclic_exchange_moves_each_task_to_the_next_agent_of_the_group()
    {
        var structure = Formulate(44).Structure;
        // Tasks 0, 1 and 6 on agent 0, task 2 on agent 1, task 4 on agent 2 (tasks 3 and 7 need a skill agent 0 lacks).
        var state = new OneHotState(structure, [.. new[] { 0, 0, 1, 1, 2, 1, 0, 1, 1 }.Select((a, t) => structure.VariableAt(t, a))]);
        CyclicExchange? Targets(int first, int second, int third) =>
            OneHotProposals.CyclicTargets(state, first, second, third, out var move) ? move : null;

        Assert.Equal(new CyclicExchange(0, 2, 4, 1, 2, 0), Targets(0, 2, 4));

        // Two of agent 0's tasks go to agent 1, and agent 1's task comes back: a two-for-one exchange, in each order.
        Assert.Equal(new CyclicExchange(0, 2, 1, 1, 0, 1), Targets(0, 2, 1));
        Assert.Equal(new CyclicExchange(0, 1, 2, 1, 1, 0), Targets(0, 1, 2));
        Assert.Equal(new CyclicExchange(2, 0, 5, 0, 1, 0), Targets(2, 0, 5));
        Assert.Equal(new CyclicExchange(0, 2, 5, 1, 0, 0), Targets(0, 2, 5));

        Assert.Null(Targets(0, 1, 6)); // all on one agent
        Assert.Null(Targets(0, 2, 0)); // a task twice

        // Task 3 would go to agent 0, where it has no variable: proposed from the agents alone, priced +∞, not a move.
        var noPlace = Targets(3, 0, 6)!.Value;
        Assert.Equal(-1, structure.VariableAt(3, 0));
        Assert.Equal(double.PositiveInfinity, state.CycleDelta(noPlace));
        Assert.Throws<InvalidOperationException>(() => state.Cycle(noPlace));
    }

    /// <summary>
    /// An ejection chain needs no place for the ejected task on the agent the first one leaves, only somewhere onward;
    /// a swap needs it.
    /// </summary>
    [Fact]
    public void A_chain_is_proposed_where_the_swap_has_no_place()
    {
        var structure = Formulate(44).Structure;
        // Task 0 on agent 0, task 3 on agent 1; task 3 has no variable on agent 0 (a skill agent 0 lacks).
        var state = new OneHotState(structure, [.. new[] { 0, 0, 1, 1, 2, 1, 0, 1, 1 }.Select((a, t) => structure.VariableAt(t, a))]);
        Assert.Equal(-1, structure.VariableAt(3, 0));
        var random = new Xoshiro256(44, 0);
        var hot = new MetropolisThreshold(1e-12);

        Assert.False(OneHotProposals.PairTargets(state, 0, 3, chain: false, cheapestArrival: true, ref hot, ref random, out _, out _, out _));
        Assert.True(OneHotProposals.PairTargets(state, 0, 3, chain: true, cheapestArrival: true, ref hot, ref random, out var taskTo, out var otherTo, out _));
        Assert.Equal(structure.VariableAt(0, 1), taskTo);
        Assert.Contains(otherTo, structure.TaskVariables(3));
        Assert.NotEqual(1, structure.AgentOfVariable[otherTo]);
    }

    [Fact]
    public void Cyclic_exchanges_are_refused_when_the_residual_couples_tasks()
    {
        var structure = Formulate(45, kind: ObjectiveKind.LoadBalance).Structure;
        var state = new OneHotState(structure, RandomAssignment(structure, new Random(45)));
        Assert.True(structure.ResidualCouplesTasks);
        Assert.True(OneHotProposals.CyclicTargets(state, 0, 1, 2, out var move) || OneHotProposals.CyclicTargets(state, 3, 4, 5, out move));
        Assert.Throws<InvalidOperationException>(() => state.CycleDelta(move));
    }

    [Theory]
    [InlineData(46)]
    [InlineData(47)]
    public void The_cheapest_arrival_is_the_chain_with_the_lowest_exact_energy_change(int seed)
    {
        var structure = Formulate(seed, tasks: 12).Structure;
        var random = new Random(seed);
        var checkedChains = 0;
        for (var round = 0; round < 200; round++)
        {
            var state = new OneHotState(structure, RandomAssignment(structure, random));
            var (task, other) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount));
            if (!state.TryArrivalAt(task, other, out var taskTo)) continue;
            var chosen = OneHotProposals.CheapestArrival(state, other, state.VariableOfTask[task], out _);
            var lowest = structure.TaskVariables(other).Where(v => v != state.VariableOfTask[other]).Min(v => state.PairDelta(task, taskTo, other, v));
            Assert.Equal(lowest, state.PairDelta(task, taskTo, other, chosen), 6);
            checkedChains++;
        }
        Assert.True(checkedChains > 50, $"only {checkedChains} chains checked");
    }

    /// <summary>
    /// With a reach, the scan either finds the same cheapest arrival as without one, or answers
    /// <see cref="OneHotProposals.BeyondReach"/> — and then that chain's exact change exceeds the bound's fixed part plus
    /// the reach, so the Metropolis test it stands in for would have rejected it too.
    /// </summary>
    [Theory]
    [InlineData(53, false)]
    [InlineData(54, false)]
    [InlineData(61, true)]
    public void A_chain_beyond_its_reach_is_one_whose_exact_change_is_beyond_it(int seed, bool sparse)
    {
        var structure = Formulate(seed, tasks: 12, sparse: sparse).Structure;
        var random = new Random(seed);
        var (within, beyond) = (0, 0);
        foreach (var state in RandomAndQuenchedStates(structure, random, 3000))
        {
            var (task, other) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount));
            if (state.PenalizedAgents > 0 || !state.TryArrivalAt(task, other, out var taskTo)) continue;
            state.ChainBound(task, other, out var fixedPart);
            var leaving = state.VariableOfTask[task];
            var cheapest = OneHotProposals.CheapestArrival(state, other, leaving, out var onward);
            var exact = state.PairDelta(task, taskTo, other, cheapest);
            Assert.Equal(exact, fixedPart + onward, 9);
            var reach = exact - fixedPart + (random.NextDouble() - 0.5) * 20;
            var answer = OneHotProposals.CheapestArrival(state, other, leaving, out _, reach);
            if (answer == OneHotProposals.BeyondReach)
            {
                Assert.True(exact > fixedPart + reach - 1e-9, $"reported beyond reach {reach}, but the chain's change {exact} is within it");
                beyond++;
            }
            else
            {
                Assert.Equal(cheapest, answer);
                Assert.True(exact <= fixedPart + reach + 1e-9, $"the chain's change {exact} is beyond reach {reach}, but was not reported");
                within++;
            }
        }
        Assert.True(within > 30 && beyond > 30, $"too few of a kind: {within} within reach, {beyond} beyond");
    }

    /// <summary>
    /// A two-task proposal that comes priced (a cheapest-arrival chain under a finite bound: the annealer then skips
    /// <see cref="OneHotState.PairDelta"/>) carries the move's exact change; the others come unpriced.
    /// </summary>
    [Theory]
    [InlineData(55, false, false)]
    [InlineData(56, true, false)]
    [InlineData(62, false, true)]
    public void A_priced_pair_proposal_carries_its_exact_change(int seed, bool allowUnassigned, bool sparse)
    {
        var structure = Formulate(seed, allowUnassigned, tasks: 12, sparse: sparse).Structure;
        var random = new Random(seed);
        var walk = new Xoshiro256(seed, 0);
        var (priced, unpriced) = (0, 0);
        // Most sparse pairs have no variable, so fewer proposals are made there.
        foreach (var state in RandomAndQuenchedStates(structure, random, sparse ? 10_000 : 3000))
        {
            var (task, other, chain) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount), random.Next(4) > 0);
            // A hot threshold, so that many chains pass their bound and reach the pricing.
            var threshold = new MetropolisThreshold(0.01);
            if (!OneHotProposals.PairTargets(state, task, other, chain, cheapestArrival: true, ref threshold, ref walk, out var taskTo, out var otherTo, out var delta)) continue;
            if (double.IsNaN(delta))
            {
                Assert.False(chain && state.PenalizedAgents == 0 && otherTo >= 0, "a chain under a finite bound came unpriced");
                unpriced++;
                continue;
            }
            Assert.Equal(state.PairDelta(task, taskTo, other, otherTo), delta, 9);
            priced++;
        }
        Assert.True(priced > 100 && unpriced > 100, $"too few of a kind: {priced} priced, {unpriced} not");
    }

    /// <summary>
    /// The annealer skips the cheapest-arrival scan of a chain whose bound exceeds its acceptance limit, so the bound must
    /// be below every chain it stands for: where no agent is penalised it is finite and at most the cheapest chain's exact
    /// change; where one is, a penalty could fall and it is −∞.
    /// </summary>
    [Theory]
    [InlineData(49, false, false)]
    [InlineData(50, true, false)]
    [InlineData(63, false, true)]
    [InlineData(64, true, true)]
    public void The_chain_bound_is_below_every_chain_it_stands_for(int seed, bool allowUnassigned, bool sparse)
    {
        var structure = Formulate(seed, allowUnassigned, tasks: 12, sparse: sparse).Structure;
        var random = new Random(seed);
        AssertBoundBelowExactChange(structure, random, state =>
        {
            var (task, other) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount));
            var bound = state.ChainBound(task, other, out _);
            if (!state.TryArrivalAt(task, other, out var taskTo))
            {
                // No chain: where the bound is valid it rejects the proposal (+∞), else it says nothing (−∞).
                Assert.Equal(state.PenalizedAgents > 0 ? double.NegativeInfinity : double.PositiveInfinity, bound);
                return null;
            }
            var onward = structure.TaskVariables(other).Where(v => v != state.VariableOfTask[other]).Concat(allowUnassigned ? [-1] : []);
            return (bound, onward.Min(v => state.PairDelta(task, taskTo, other, v)));
        });
    }

    /// <summary>
    /// The cycle bound lies below the exact change, and is the load-independent part when no agent is penalised; that part
    /// and the penalty part add up to the exact change.
    /// </summary>
    [Theory]
    [InlineData(51, false)]
    [InlineData(52, false)]
    [InlineData(65, true)]
    public void The_cycle_bound_is_below_the_exact_change(int seed, bool sparse)
    {
        var structure = Formulate(seed, tasks: 12, sparse: sparse).Structure;
        var random = new Random(seed);
        AssertBoundBelowExactChange(structure, random, state =>
        {
            var (first, second, third) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount), random.Next(structure.TaskCount));
            if (!OneHotProposals.CyclicTargets(state, first, second, third, out var move)) return null;
            var bound = state.CycleBound(move, out var objectiveChange);
            Assert.Equal(state.CycleDelta(move), objectiveChange + state.CyclePenaltyChange(move), 9);
            return (bound, state.CycleDelta(move));
        });
    }

    /// <summary>
    /// Told where to stop, the cycle's penalty part stops only where no penalty can fall (every agent's change is ≥ 0), and
    /// then at a partial sum above the stop: a Metropolis test against it rejects the move as the whole change would.
    /// </summary>
    [Theory]
    [InlineData(57)]
    [InlineData(58)]
    public void The_cycle_penalty_part_stops_early_only_where_it_may(int seed)
    {
        var structure = Formulate(seed, tasks: 12).Structure;
        var random = new Random(seed);
        var (stopped, whole) = (0, 0);
        foreach (var state in RandomAndQuenchedStates(structure, random, 3000))
        {
            var (first, second, third) = (random.Next(structure.TaskCount), random.Next(structure.TaskCount), random.Next(structure.TaskCount));
            if (!OneHotProposals.CyclicTargets(state, first, second, third, out var move)) continue;
            var penalty = state.CyclePenaltyChange(move);
            var stop = penalty * random.NextDouble();
            var partial = state.CyclePenaltyChange(move, stop);
            if (partial == penalty)
            {
                whole++;
                continue;
            }
            Assert.Equal(0, state.PenalizedAgents);
            Assert.True(partial > stop && partial < penalty, $"stopped at {partial}; the stop was {stop} and the whole change {penalty}");
            stopped++;
        }
        Assert.True(stopped > 30 && whole > 30, $"too few of a kind: {stopped} stopped early, {whole} whole");
    }

    /// <summary>
    /// On 3 000 random assignments (every other one quenched), a proposal's bound and the least exact change it stands for (null = no proposal): the
    /// bound must be −∞ where an agent is overloaded, at most the exact change elsewhere, and not vacuous — often equal
    /// to it (random states of the sparse problems are nearly always overloaded; the quenched ones fit).
    /// </summary>
    private static void AssertBoundBelowExactChange(
        QuboAssignmentStructure structure, Random random, Func<OneHotState, (double Bound, double Exact)?> propose)
    {
        var (fitting, overloaded, sharp) = (0, 0, 0);
        foreach (var state in RandomAndQuenchedStates(structure, random, 3000))
        {
            if (propose(state) is not { } proposal) continue;
            var (bound, exact) = proposal;
            if (state.PenalizedAgents > 0)
            {
                Assert.Equal(double.NegativeInfinity, bound);
                overloaded++;
                continue;
            }
            Assert.True(bound <= exact + 1e-9, $"bound {bound} above the exact change {exact}");
            if (bound >= exact - 1e-9) sharp++;
            fitting++;
        }
        Assert.True(fitting > 30 && overloaded > 30, $"too few states of a kind: {fitting} fitting, {overloaded} overloaded");
        // Quenched states fill their agents, where the cheapest onward place is often taken: sharp in one case in twenty.
        Assert.True(sharp > fitting / 20, $"the bound met the exact change only {sharp} times in {fitting}");
    }

    /// <summary>
    /// The threshold admits a change ΔE with probability min(1, e^(−βΔE)), a downhill one always and one beyond the reject
    /// exponent never; the lower bounds and the exact change of one proposal are judged against the same draw.
    /// </summary>
    [Theory]
    [InlineData(0.7, 1.0)]
    [InlineData(2.0, 0.25)]
    [InlineData(0.05, 30.0)]
    public void The_threshold_admits_with_the_Metropolis_probability(double beta, double delta)
    {
        var random = new Xoshiro256(53, 0);
        const int draws = 200_000;
        var admitted = 0;
        for (var k = 0; k < draws; k++)
        {
            var threshold = new MetropolisThreshold(beta);
            Assert.True(threshold.Admits(-delta, ref random));
            Assert.False(threshold.Admits(SimulatedAnnealingSampler.RejectExponent / beta * 1.001, ref random));
            var first = threshold.Admits(delta, ref random);
            // The same proposal's threshold: a smaller change is admitted whenever a larger one was.
            if (first) Assert.True(threshold.Admits(delta / 2, ref random));
            if (first) admitted++;
        }
        var expected = Math.Exp(-beta * delta);
        // Binomial standard deviation ≤ 0.0012 at 200 000 draws: 5 of them.
        Assert.InRange((double)admitted / draws, expected - 0.006, expected + 0.006);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_random_other_choice_is_uniform_over_every_option_but_the_current_one(bool allowUnassigned)
    {
        var structure = Formulate(48, allowUnassigned).Structure;
        var random = new Xoshiro256(48, 0);
        var own = structure.TaskVariables(0);
        foreach (var current in own)
        {
            var counts = new Dictionary<int, int>();
            for (var k = 0; k < 4000; k++)
            {
                var pick = OneHotProposals.RandomOtherChoice(structure, current, 0, ref random);
                counts[pick] = counts.GetValueOrDefault(pick) + 1;
            }
            var expected = own.Where(v => v != current).Concat(allowUnassigned ? [-1] : []).Order().ToArray();
            Assert.Equal(expected, counts.Keys.Order().ToArray());
            Assert.All(counts.Values, c => Assert.InRange(c, 4000 / expected.Length * 0.8, 4000 / expected.Length * 1.2));
        }
    }

    /// <summary>
    /// A sweep makes its proposals in blocks of one kind; over many sweeps each kind's count is its share of the proposals,
    /// and on a handful of tasks, where one sweep's share of a kind is below one proposal, every kind still comes up.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void Sweeps_keep_each_kind_s_share_of_the_proposals(int tasks)
    {
        var structure = Formulate(55, tasks: tasks).Structure;
        var options = new SimulatedAnnealingOptions();
        var metropolis = new OneHotMetropolis(structure, options);
        var n = metropolis.Movable.Length;
        const int sweeps = 1000;
        var (chains, swaps, cycles, shifts) = (0, 0, 0, 0);
        for (var s = 0; s < sweeps; s++)
        {
            var blocks = metropolis.NextBlocks();
            Assert.Equal(n, blocks.Chains + blocks.Swaps + blocks.Cycles + blocks.Shifts);
            (chains, swaps, cycles, shifts) = (chains + blocks.Chains, swaps + blocks.Swaps, cycles + blocks.Cycles, shifts + blocks.Shifts);
        }
        var total = (double)sweeps * n;
        var pairs = options.SwapProbability;
        Assert.InRange(chains, total * pairs * options.ChainProbability - 1, total * pairs * options.ChainProbability + 1);
        Assert.InRange(swaps, total * pairs * (1 - options.ChainProbability) - 1, total * pairs * (1 - options.ChainProbability) + 1);
        Assert.InRange(cycles, total * options.CycleProbability - 1, total * options.CycleProbability + 1);
        Assert.InRange(shifts, total * (1 - pairs - options.CycleProbability) - 1, total * (1 - pairs - options.CycleProbability) + 1);
    }

    /// <summary>
    /// A sweep draws its proposals' tasks before pricing any (<c>OneHotMetropolis.DrawTasks</c>); at a β so low that every
    /// move with a finite change is admitted, every task must still be moved about as often as the others with as many
    /// agents, and the cyclic exchanges must still move three different tasks at once — which tasks drawn for the wrong
    /// proposal, or one task drawn for all three places of a cycle, would not.
    /// </summary>
    [Fact]
    public void A_hot_sweep_moves_tasks_with_as_many_agents_equally_often_and_three_at_once_by_a_cycle()
    {
        var structure = Formulate(56, tasks: 12, agents: 4).Structure;
        var metropolis = new OneHotMetropolis(structure, new SimulatedAnnealingOptions());
        Assert.Equal(structure.TaskCount, metropolis.Movable.Length);
        var state = new OneHotState(structure, RandomAssignment(structure, new Random(3)));
        var random = new Xoshiro256(9, 0);
        var moved = new int[structure.TaskCount];
        var before = (int[])state.VariableOfTask.Clone();
        var threeTaskMoves = 0;
        void Count()
        {
            var changed = 0;
            for (var t = 0; t < moved.Length; t++)
            {
                if (state.VariableOfTask[t] == before[t]) continue;
                (moved[t], before[t]) = (moved[t] + 1, state.VariableOfTask[t]);
                changed++;
            }
            if (changed == 3) threeTaskMoves++;
        }
        for (var s = 0; s < 2000; s++) metropolis.Sweep(state, 1e-9, ref random, Count);
        // Tasks with fewer agents (every fourth needs a skill one agent lacks) have fewer moves; compare like with like.
        foreach (var group in Enumerable.Range(0, moved.Length).GroupBy(t => structure.TaskVariables(t).Count))
        {
            var mean = group.Average(t => moved[t]);
            Assert.All(group, t => Assert.InRange(moved[t], 0.85 * mean, 1.15 * mean));
        }
        Assert.True(threeTaskMoves > 2000 * structure.TaskCount * 0.1, $"{threeTaskMoves} three-task moves in 2000 sweeps");
    }

    [Fact]
    public void Swap_and_cycle_shares_may_not_exceed_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { SwapProbability = 0.7, CycleProbability = 0.4 }));
    }
}
