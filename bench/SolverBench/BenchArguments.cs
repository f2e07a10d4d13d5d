using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>One harness run, as given on the command line.</summary>
/// <param name="Instances">GAP files or folders, in the order given.</param>
/// <param name="Backend">A registered backend name, or <see cref="CbcCliSolver.Name"/>.</param>
/// <param name="TimeLimit">Limit per instance.</param>
/// <param name="Threads">Threads per solve (default 1).</param>
/// <param name="Seed">Seed per solve (default 1).</param>
/// <param name="Sense">Objective sense the instances are read with (default minimise).</param>
/// <param name="OptimaFile">optima.tsv to compute gaps against, or null.</param>
/// <param name="OutputFile">Where the TSV goes.</param>
internal sealed record BenchArguments(
    IReadOnlyList<string> Instances,
    string Backend,
    TimeSpan TimeLimit,
    int Threads,
    int Seed,
    ObjectiveSense Sense,
    string? OptimaFile,
    string OutputFile);
