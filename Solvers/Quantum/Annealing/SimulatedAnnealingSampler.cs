using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Simulated annealing on a QUBO: Metropolis single flips in sequential sweeps under a falling temperature,
/// with local fields kept up to date so a proposal costs O(1) and an accepted flip O(degree). Each read keeps
/// the lowest-energy state it visited.
/// </summary>
public sealed class SimulatedAnnealingSampler(SimulatedAnnealingOptions options) : IStructuredQuboSampler
{
    /// <summary>Exponents above this are rejected outright (e^-40 ≈ 4e-18).</summary>
    internal const double RejectExponent = 40;

    private readonly SimulatedAnnealingOptions _options = Validated(options);

    public string Name => "sa";

    public bool SamplesStructure => _options.OneHotMoves;

    public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (_options.OneHotMoves && request.Structure is { } structure)
        {
            if (structure.Residual.VariableCount != model.VariableCount)
                throw new ArgumentException("The request's structure belongs to a model of another size.", nameof(request));
            return Sample(structure, request, cancellationToken);
        }
        var range = _options.BetaRange ?? BetaSchedule.DefaultRange(model, request.EnergyResolution);
        return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double budget) =>
            Anneal(model, range, request, read, ref random, deadline, budget, cancellationToken), cancellationToken);
    }

    /// <summary>One-hot annealing of the model the structure describes (see <see cref="OneHotAnnealer"/>).</summary>
    public QuboSampleSet Sample(QuboAssignmentStructure structure, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(request);
        var range = _options.BetaRange ?? BetaSchedule.OneHotRange(structure, request.EnergyResolution, _options.HotSpreadShare);
        if (_options.ReplicaExchange is not null)
            return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double budget) =>
                OneHotReplicaExchange.Run(structure, range, _options, request, read, ref random, deadline, budget, cancellationToken), cancellationToken);
        return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double budget) =>
            OneHotAnnealer.Anneal(structure, range, _options, request, read, ref random, deadline, budget, cancellationToken), cancellationToken);
    }

    private QuboSample Anneal(QuboModel model, (double Hot, double Cold) range, QuboSampleRequest request, int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var n = model.VariableCount;
        var x = new byte[n];
        var field = new double[n];
        ParallelReads.InitialState(request, read, x, ref random);
        model.ComputeFields(x, field);
        var energy = model.Energy(x);
        var best = (byte[])x.Clone();
        var bestEnergy = energy;

        var started = Stopwatch.GetTimestamp();
        var done = false;
        for (var s = 0; !done; s++)
        {
            var fraction = BetaSchedule.AnytimeFraction(s, _options.Sweeps, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
            done = fraction >= 1;
            var beta = BetaSchedule.At(_options.Schedule, range.Hot, range.Cold, fraction);
            for (var i = 0; i < n; i++)
            {
                var delta = x[i] == 0 ? field[i] : -field[i];
                if (delta > 0 && (beta * delta > RejectExponent || random.NextDouble() >= Math.Exp(-beta * delta))) continue;
                energy += model.Flip(x, field, i);
            }
            if (energy < bestEnergy)
            {
                bestEnergy = energy;
                x.CopyTo(best, 0);
            }
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
        }
        // The running energy accumulates rounding; report the exact energy of the kept state.
        return new QuboSample(best, model.Energy(best));
    }

    private static SimulatedAnnealingOptions Validated(SimulatedAnnealingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
