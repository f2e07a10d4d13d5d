namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Settings of replica exchange (parallel tempering) for a one-hot anneal (<see cref="SimulatedAnnealingOptions.ReplicaExchange"/>).
/// A read anneals one state as the plain anneal does up to <see cref="HandOver"/> of its schedule, near where the plain
/// anneal freezes, then copies it into a ladder of <see cref="Replicas"/> walks at fixed inverse temperatures around that
/// point, each making the anneal's Metropolis sweeps on the QUBO; neighbours on the ladder exchange states with
/// probability min(1, e^((βᵢ−βⱼ)(Eᵢ−Eⱼ))), so good states travel to the cold end and stuck ones are loosened at the hot
/// end, in place of the plain anneal's frozen cold walk. The read returns the lowest-energy state any walk visited,
/// quenched.
/// </summary>
public sealed record ReplicaExchangeOptions
{
    /// <summary>Replicas on the ladder (≥ 2). Default 4.</summary>
    public int Replicas { get; init; } = 4;

    /// <summary>
    /// Where the anneal hands over to the ladder, as a place in its schedule (0 = hot end, 1 = cold end; the anneal
    /// reaches place f at share f of the read). Default 0.7: on the Yagiura instances a plain anneal's acceptance is
    /// about zero from there on.
    /// </summary>
    public double HandOver { get; init; } = 0.7;

    /// <summary>
    /// How far the ladder's hot end lies above the hand-over, in places of the anneal's β range (geometric, so a place is
    /// a fraction of the way in log β). Default 0.15.
    /// </summary>
    public double HotSpan { get; init; } = 0.15;

    /// <summary>How far the ladder's cold end lies below the hand-over, in places. Default 0.15.</summary>
    public double ColdSpan { get; init; } = 0.15;

    /// <summary>Sweeps of every replica between two rounds of exchange attempts. Default 1.</summary>
    public int ExchangeInterval { get; init; } = 1;

    /// <summary>
    /// The ladder is used only if, at the hand-over, the read has time (at its measured sweep rate) and sweeps left for at
    /// least this many sweeps per replica; otherwise the read stays the plain anneal. Replicas at fixed β need many sweeps
    /// to equilibrate, and on instances where the anneal is short of sweeps splitting them between replicas measured
    /// worse. Default 8 000. 0 = always.
    /// </summary>
    public int MinimumSweepsPerReplica { get; init; } = 8_000;

    internal void Validate()
    {
        if (Replicas < 2) throw new ArgumentOutOfRangeException(nameof(Replicas), Replicas, "At least two replicas are needed.");
        if (!(HandOver is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(HandOver), HandOver, "Must be in [0, 1].");
        if (!(HotSpan is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(HotSpan), HotSpan, "Must be in [0, 1].");
        if (!(ColdSpan is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(ColdSpan), ColdSpan, "Must be in [0, 1].");
        if (HotSpan + ColdSpan <= 0) throw new ArgumentException("The ladder needs a width (HotSpan + ColdSpan > 0).", nameof(HotSpan));
        if (ExchangeInterval < 1) throw new ArgumentOutOfRangeException(nameof(ExchangeInterval), ExchangeInterval, "At least one sweep.");
        if (MinimumSweepsPerReplica < 0) throw new ArgumentOutOfRangeException(nameof(MinimumSweepsPerReplica), MinimumSweepsPerReplica, "Must be 0 or more.");
    }
}
