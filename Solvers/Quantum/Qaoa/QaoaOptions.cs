using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>Settings of <see cref="QaoaSampler"/>: circuit depth, angle search, shots and the qubit limit.</summary>
public sealed record QaoaOptions
{
    /// <summary>Circuit depth p (cost layer + mixer layer pairs). Default 3.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Measurements of the final state per sampling call. Default 1024.</summary>
    public int Shots { get; init; } = 1024;

    /// <summary>What the angles minimise. Default <see cref="QaoaObjective.Cvar"/>.</summary>
    public QaoaObjective Objective { get; init; } = QaoaObjective.Cvar;

    /// <summary>Share α of the distribution CVaR averages over, in (0, 1]. Default 0.2.</summary>
    public double CvarAlpha { get; init; } = 0.2;

    /// <summary>Where the angle search starts. Default <see cref="QaoaInitialAngles.Interp"/>.</summary>
    public QaoaInitialAngles InitialAngles { get; init; } = QaoaInitialAngles.Interp;

    /// <summary>Objective evaluations (circuit simulations) the optimiser may spend per depth. Default 200.</summary>
    public int MaxEvaluationsPerLayer { get; init; } = 200;

    /// <summary>
    /// Regularisation ε of the warm start (Egger et al. 2021): a bit the classical solution sets to 1 starts with
    /// probability 1 − ε, a 0 bit with ε, so the search can still leave the given solution. In (0, 0.5]; 0.5 is the
    /// plain uniform start. Default 0.25.
    /// </summary>
    public double WarmStartEpsilon { get; init; } = 0.25;

    /// <summary>
    /// Largest qubit count accepted; null = what fits the memory limit (<see cref="SimulatorOptions.MemoryLimitBytes"/>,
    /// by default a quarter of the available memory, for a complex128 state), never more than 30.
    /// </summary>
    public int? MaxQubits { get; init; }

    /// <summary>Memory limit of one state in bytes; null = a quarter of the memory available to the process.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>The largest cost vector the QUBO tabulates (2³⁰ energies).</summary>
    public const int HardQubitLimit = 30;

    /// <summary>The qubit limit in force: <see cref="MaxQubits"/>, else what the memory limit allows.</summary>
    public int QubitLimit => Math.Min(HardQubitLimit, MaxQubits ?? SimulatorCapacity.MaxQubits(MemoryLimitBytes ?? SimulatorCapacity.DefaultMemoryLimitBytes, StatePrecision.Complex128));

    internal void Validate()
    {
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "QAOA needs at least one layer.");
        if (Shots < 1) throw new ArgumentOutOfRangeException(nameof(Shots), Shots, "At least one shot is needed.");
        if (!(CvarAlpha > 0 && CvarAlpha <= 1)) throw new ArgumentOutOfRangeException(nameof(CvarAlpha), CvarAlpha, "CVaR α must be in (0, 1].");
        if (MaxEvaluationsPerLayer < 1) throw new ArgumentOutOfRangeException(nameof(MaxEvaluationsPerLayer), MaxEvaluationsPerLayer, "At least one evaluation per layer is needed.");
        if (!(WarmStartEpsilon > 0 && WarmStartEpsilon <= 0.5)) throw new ArgumentOutOfRangeException(nameof(WarmStartEpsilon), WarmStartEpsilon, "The warm-start ε must be in (0, 0.5].");
        if (MaxQubits is < 1) throw new ArgumentOutOfRangeException(nameof(MaxQubits), MaxQubits, "The qubit limit must be positive.");
        if (MemoryLimitBytes is <= 0) throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "The memory limit must be positive.");
    }
}
