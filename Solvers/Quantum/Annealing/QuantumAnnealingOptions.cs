namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Settings of <see cref="SimulatedQuantumAnnealingSampler"/>.</summary>
public sealed record QuantumAnnealingOptions
{
    /// <summary>Independent reads per sampling call. Default 8.</summary>
    public int Reads { get; init; } = 8;

    /// <summary>Sweeps per read; a sweep visits every variable of every Trotter slice once. Default 300.</summary>
    public int Sweeps { get; init; } = 300;

    /// <summary>Trotter slices P (replicas coupled along imaginary time). Default 16.</summary>
    public int TrotterSlices { get; init; } = 16;

    /// <summary>
    /// Γ·β_slice at the first sweep: large means almost free replicas (strong transverse field). Default 3.
    /// </summary>
    public double InitialFieldRatio { get; init; } = 3;

    /// <summary>Γ·β_slice at the last sweep: small means locked replicas (no transverse field). Default 0.001.</summary>
    public double FinalFieldRatio { get; init; } = 1e-3;

    /// <summary>Also try flipping a variable in all slices at once after each sweep (cheap, helps mixing). Default true.</summary>
    public bool GlobalMoves { get; init; } = true;

    /// <summary>Default geometric.</summary>
    public BetaScheduleKind Schedule { get; init; } = BetaScheduleKind.Geometric;

    /// <summary>Hot and cold slice inverse temperatures 1/(P·T); null = from the QUBO's coefficients.</summary>
    public (double Hot, double Cold)? BetaRange { get; init; }

    internal void Validate()
    {
        if (Reads < 1) throw new ArgumentOutOfRangeException(nameof(Reads), Reads, "At least one read is needed.");
        if (Sweeps < 1) throw new ArgumentOutOfRangeException(nameof(Sweeps), Sweeps, "At least one sweep is needed.");
        if (TrotterSlices < 2) throw new ArgumentOutOfRangeException(nameof(TrotterSlices), TrotterSlices, "Path-integral annealing needs at least 2 slices.");
        if (!(InitialFieldRatio >= FinalFieldRatio) || !(FinalFieldRatio > 0))
            throw new ArgumentOutOfRangeException(nameof(FinalFieldRatio), FinalFieldRatio, "Need InitialFieldRatio ≥ FinalFieldRatio > 0.");
    }
}
