using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Settings of the <c>annealing</c> backend.</summary>
public sealed record AnnealingBackendOptions
{
    /// <summary>Default <see cref="AnnealingMode.Sa"/>.</summary>
    public AnnealingMode Mode { get; init; } = AnnealingMode.Sa;

    /// <summary>
    /// Default: reads of up to 1 000 000 sweeps each, which the anytime schedule shortens to the time limit — on the
    /// scheduling QUBO one long anneal per read measured better than many short ones (docs/qubo-annealing-hybrid.md,
    /// "Quality"). The number of reads is set by <see cref="ReadsPerThread"/> unless that is null.
    /// </summary>
    public SimulatedAnnealingOptions SimulatedAnnealing { get; init; } = new() { Reads = 1, Sweeps = 1_000_000 };

    /// <summary>
    /// Reads per thread of the solve (<see cref="SolveOptions.Threads"/>, 0 = all cores), overriding
    /// <see cref="SimulatedAnnealingOptions.Reads"/>; null = use that. Default 1: one anneal per core, as long as the
    /// time allows — with the cyclic exchanges one 8 s read beat two 4 s reads on one thread (1.14 % vs 1.29 % on
    /// the C/D/E Yagiura instances at 5 s).
    /// </summary>
    public int? ReadsPerThread { get; init; } = 1;

    public QuantumAnnealingOptions QuantumAnnealing { get; init; } = new();

    /// <summary>
    /// Default: warm-started sampling — after the first batch (the long anneals) the time left goes to reads that
    /// anneal in reverse from the best assignment so far (<see cref="SimulatedAnnealingOptions.ReverseAnnealingStart"/>,
    /// a reheat of the elite state) instead of short anneals from random starts, which never beat the long ones. The first
    /// batch gets 97 % of the time (<see cref="QuboSolveSettings.FirstBatchShare"/>, 80 % elsewhere): on the 400- and
    /// 900-task Yagiura instances, which run short of sweeps, the longer anneal measured a 2.8 % lower gap than the 80 %
    /// anneal and its reverse-annealed tail (six seeds side by side; docs/qubo-annealing-hybrid.md, "Round 9").
    /// </summary>
    public QuboSolveSettings Qubo { get; init; } = new() { WarmStartSampler = true, FirstBatchShare = 0.97 };

    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>Largest number of x[t,a] variables accepted; null = no limit. Default 200 000.</summary>
    public int? MaxVariables { get; init; } = 200_000;
}
