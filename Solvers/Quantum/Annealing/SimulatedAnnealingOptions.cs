namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Settings of <see cref="SimulatedAnnealingSampler"/>.</summary>
public sealed record SimulatedAnnealingOptions
{
    /// <summary>Independent reads (restarts) per sampling call. Default 16.</summary>
    public int Reads { get; init; } = 16;

    /// <summary>Sweeps (one Metropolis attempt per variable each) per read. Default 1000.</summary>
    public int Sweeps { get; init; } = 1000;

    /// <summary>Default geometric.</summary>
    public BetaScheduleKind Schedule { get; init; } = BetaScheduleKind.Geometric;

    /// <summary>Hot and cold inverse temperatures; null = from the QUBO's coefficients (<see cref="BetaSchedule.DefaultRange"/>).</summary>
    public (double Hot, double Cold)? BetaRange { get; init; }

    /// <summary>
    /// On a scheduling QUBO (the request carries its structure), move between assignments — shifts and swaps
    /// with exact energy changes — instead of single flips. Default true.
    /// </summary>
    public bool OneHotMoves { get; init; } = true;

    /// <summary>Share of one-hot proposals that move two tasks — swaps or ejection chains. Default 0.5.</summary>
    public double SwapProbability { get; init; } = 0.5;

    /// <summary>
    /// Share of one-hot proposals that are cyclic exchanges of three tasks (a 3-cycle over three agents, or a
    /// two-for-one exchange between two); the rest, after <see cref="SwapProbability"/>, are shifts. Used only when the
    /// residual does not couple tasks (a total-cost objective); otherwise those proposals are not made. Default 0.4:
    /// on the Yagiura instances (5 s, 1 thread) 0.3–0.45 took the development set's mean gap from 2.33 % to 1.8–2.1 %.
    /// </summary>
    public double CycleProbability { get; init; } = 0.4;

    /// <summary>
    /// Share of the two-task proposals that are ejection chains (the first task moves onto the second's agent, the
    /// second on to another agent of its own) rather than swaps. Default 0.8: with cheapest arrivals a chain often
    /// is the swap, when that is where the second task fits best (0.5 → 0.8: 1.14 % → 1.09 % on the C/D/E Yagiura
    /// instances at 5 s).
    /// </summary>
    public double ChainProbability { get; init; } = 0.8;

    /// <summary>
    /// An ejection chain pushes the second task on to the agent where it arrives most cheaply (its objective change
    /// plus the arrival agent's capacity penalty change) instead of a random one. Default true.
    /// </summary>
    public bool CheapestChainArrival { get; init; } = true;

    /// <summary>
    /// On a scheduling QUBO, end each read at zero temperature: steepest descent over every shift, swap and ejection
    /// chain from the read's best state, and where <see cref="CycleProbability"/> is above 0 and the residual does not couple
    /// tasks, every cyclic exchange of three tasks too (<see cref="OneHotQuench"/>). Default true.
    /// </summary>
    public bool Quench { get; init; } = true;

    /// <summary>
    /// Reverse annealing for reads that start from a given state (a warm start): they begin this far into the
    /// schedule (0 = at the hot end, like a fresh read; 1 = at the cold end, a quench) and anneal down from there,
    /// so they explore around the given state instead of melting it. Default 0.5 (half-way, in log β for the
    /// geometric schedule).
    /// </summary>
    public double ReverseAnnealingStart { get; init; } = 0.5;

    /// <summary>
    /// On a scheduling QUBO (one-hot moves) without a <see cref="BetaRange"/>, where the schedule starts: hot enough that this
    /// share of the median task's spread between its cheapest and dearest option is accepted with probability ½
    /// (<see cref="BetaSchedule.OneHotRange"/>). Default 0.1: at 1 (the median spread itself) the walk starts almost at
    /// random among the assignments that fit, and 0.1 saves one decade of β (36 % of the geometric schedule on d10100); the
    /// 400- and 900-task Yagiura instances, short of sweeps, measured lower gaps with that time spent colder
    /// (docs/qubo-annealing-hybrid.md, "Round 11").
    /// </summary>
    public double HotSpreadShare { get; init; } = 0.1;

    /// <summary>
    /// With <see cref="Quench"/>, the share of a read's time budget its anneal leaves to the quench, which ends at the read's
    /// deadline (what it does not use goes to later reads; <see cref="ReplicaExchange"/> reads keep no such share). Default
    /// 0.1: a read that used its whole budget annealed to the deadline and left the quench no time at all, and on the
    /// 900-task Yagiura instances the quench with cyclic exchanges took 0.4–1 s (docs/qubo-annealing-hybrid.md, "Round 11").
    /// </summary>
    public double QuenchShare { get; init; } = 0.1;

    /// <summary>
    /// On a scheduling QUBO (one-hot moves), the capacity-penalty schedule (<see cref="PenaltyRampOptions"/>); null = the
    /// QUBO's own weights throughout, which confines the walk to assignments that fit. Default null: on the Yagiura
    /// instances (10 s, 1 thread, seed 1, same session) the default ramp gave a mean gap of 0.827 % against 0.759 % without
    /// it, and no variant tried measured better (docs/qubo-annealing-hybrid.md, "Round 4").
    /// </summary>
    public PenaltyRampOptions? PenaltyRamp { get; init; }

    /// <summary>
    /// On a scheduling QUBO (one-hot moves), replace the anneal by replica exchange over a ladder of fixed temperatures
    /// (<see cref="ReplicaExchangeOptions"/>): the anneal runs to the hand-over, then a ladder of replicas at fixed β
    /// exchanging states takes the place of its cold walk; null = the anneal to the end. Not combined with
    /// <see cref="PenaltyRamp"/> or <see cref="RejectionFreeBelow"/>. Default null: on the Yagiura instances (10 s,
    /// 1 thread, seed 1, two runs each, same session) the default ladder gave 0.763 % and 0.770 % against 0.739 % and
    /// 0.795 % without it (docs/qubo-annealing-hybrid.md, "Round 5").
    /// </summary>
    public ReplicaExchangeOptions? ReplicaExchange { get; init; }

    /// <summary>
    /// On a scheduling QUBO (one-hot moves, no <see cref="PenaltyRamp"/>), once fewer than this share of the proposals of
    /// the last 16 sweeps were accepted, the anneal continues with rejection-free steps (<see cref="OneHotRejectionFree"/>:
    /// every shift, swap and ejection chain priced, one taken with probability proportional to its acceptance) instead of
    /// Metropolis sweeps; null = Metropolis sweeps to the end. Default null: the rejection-free neighbourhood has no cyclic
    /// exchanges (n³ of them), and on the C/D/E Yagiura instances (5 s, 1 thread) it measured worse — 1.41 % against
    /// 1.14 % at 10⁻⁵ — (docs/qubo-annealing-hybrid.md, "Round 5").
    /// </summary>
    public double? RejectionFreeBelow { get; init; }

    internal void Validate()
    {
        if (RejectionFreeBelow is { } below && !(below is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(RejectionFreeBelow), below, "Must be in [0, 1].");
        PenaltyRamp?.Validate();
        ReplicaExchange?.Validate();
        if (PenaltyRamp is not null && ReplicaExchange is not null)
            throw new ArgumentException("A penalty schedule and replica exchange cannot be combined.", nameof(ReplicaExchange));
        if (RejectionFreeBelow is not null && ReplicaExchange is not null)
            throw new ArgumentException("Rejection-free steps and replica exchange cannot be combined.", nameof(ReplicaExchange));
        if (!(HotSpreadShare > 0)) throw new ArgumentOutOfRangeException(nameof(HotSpreadShare), HotSpreadShare, "Must be above 0.");
        if (!(QuenchShare is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(QuenchShare), QuenchShare, "Must be in [0, 1).");
        if (Reads < 1) throw new ArgumentOutOfRangeException(nameof(Reads), Reads, "At least one read is needed.");
        if (Sweeps < 1) throw new ArgumentOutOfRangeException(nameof(Sweeps), Sweeps, "At least one sweep is needed.");
        if (!(ReverseAnnealingStart is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(ReverseAnnealingStart), ReverseAnnealingStart, "Must be in [0, 1].");
        if (!(ChainProbability is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(ChainProbability), ChainProbability, "Must be in [0, 1].");
        if (!(SwapProbability is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SwapProbability), SwapProbability, "Must be in [0, 1].");
        if (!(CycleProbability is >= 0 and <= 1) || SwapProbability + CycleProbability > 1)
            throw new ArgumentOutOfRangeException(nameof(CycleProbability), CycleProbability, "Must be in [0, 1 − SwapProbability].");
    }
}
