using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Simulated quantum annealing: path-integral Monte Carlo of the transverse-field Ising model
/// H = E(x) − Γ Σᵢ σᵢˣ after a Suzuki–Trotter split into P classical replicas (slices) at temperature P·T
/// (Martoňák, Santoro and Tosatti 2002). Replica k's copy of spin i is coupled to its neighbours in
/// imaginary time by J⊥ = −(P·T/2)·ln tanh(Γ/(P·T)); flipping it costs
/// ΔE_k(i) + 2·J⊥·σᵢᵏ·(σᵢᵏ⁻¹ + σᵢᵏ⁺¹), weighed by 1/(P·T). Γ falls over the anneal so that Γ/(P·T) goes
/// linearly from <see cref="QuantumAnnealingOptions.InitialFieldRatio"/> to
/// <see cref="QuantumAnnealingOptions.FinalFieldRatio"/> while 1/(P·T) follows the same schedule as simulated
/// annealing: the replicas start almost independent and end locked together. Optional global moves flip one
/// variable in every slice (the coupling is unchanged, so only Σₖ ΔE_k counts). A read returns the
/// lowest-energy slice state it saw.
/// </summary>
public sealed class SimulatedQuantumAnnealingSampler(QuantumAnnealingOptions options) : IQuboSampler
{
    private readonly QuantumAnnealingOptions _options = Validated(options);

    public string Name => "sqa";

    public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var (hot, cold) = _options.BetaRange ?? BetaSchedule.DefaultRange(model, request.EnergyResolution);
        var betas = BetaSchedule.Build(_options.Schedule, hot, cold, _options.Sweeps);
        return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double budget) =>
            Anneal(model, betas, request, read, ref random, deadline, budget, cancellationToken), cancellationToken);
    }

    /// <summary>β_slice·J⊥ at sweep s: −½·ln tanh(Γ·β_slice).</summary>
    private double CouplingTimesBeta(int sweep, int sweeps)
    {
        var f = sweeps == 1 ? 1 : (double)sweep / (sweeps - 1);
        var ratio = _options.InitialFieldRatio + (_options.FinalFieldRatio - _options.InitialFieldRatio) * f;
        return -0.5 * Math.Log(Math.Tanh(ratio));
    }

    private QuboSample Anneal(QuboModel model, double[] betas, QuboSampleRequest request, int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var n = model.VariableCount;
        var slices = _options.TrotterSlices;
        var x = new byte[slices][];
        var field = new double[slices][];
        var energy = new double[slices];
        x[0] = new byte[n];
        ParallelReads.InitialState(request, read, x[0], ref random);
        for (var k = 0; k < slices; k++)
        {
            x[k] = k == 0 ? x[0] : (byte[])x[0].Clone();
            field[k] = new double[n];
            model.ComputeFields(x[k], field[k]);
            energy[k] = model.Energy(x[k]);
        }
        var best = (byte[])x[0].Clone();
        var bestEnergy = energy[0];

        var started = Stopwatch.GetTimestamp();
        for (var s = 0; s < betas.Length; s++)
        {
            var beta = betas[s];
            var coupling = CouplingTimesBeta(s, betas.Length);
            for (var k = 0; k < slices; k++)
            {
                var (xs, fs) = (x[k], field[k]);
                var (previous, next) = (x[(k + slices - 1) % slices], x[(k + 1) % slices]);
                for (var i = 0; i < n; i++)
                {
                    var spin = 2 * xs[i] - 1;
                    var delta = xs[i] == 0 ? fs[i] : -fs[i];
                    var exponent = beta * delta + 2 * coupling * spin * (2 * previous[i] - 1 + 2 * next[i] - 1);
                    if (exponent > 0 && (exponent > SimulatedAnnealingSampler.RejectExponent || random.NextDouble() >= Math.Exp(-exponent))) continue;
                    energy[k] += model.Flip(xs, fs, i);
                }
            }
            if (_options.GlobalMoves) GlobalSweep(model, x, field, energy, beta, ref random);

            for (var k = 0; k < slices; k++)
                if (energy[k] < bestEnergy)
                {
                    bestEnergy = energy[k];
                    x[k].CopyTo(best, 0);
                }
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
            if (s == 0) betas = BetaSchedule.FitToBudget(betas, _options.Schedule, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
        }
        return new QuboSample(best, model.Energy(best));
    }

    /// <summary>
    /// Flips variable i in all slices together where that is accepted. σᵏσᵏ⁺¹ is unchanged when both flip, so
    /// only ΔE summed over the slices matters.
    /// </summary>
    private static void GlobalSweep(QuboModel model, byte[][] x, double[][] field, double[] energy, double beta, ref Xoshiro256 random)
    {
        for (var i = 0; i < model.VariableCount; i++)
        {
            var delta = 0.0;
            for (var k = 0; k < x.Length; k++) delta += x[k][i] == 0 ? field[k][i] : -field[k][i];
            if (delta > 0 && (beta * delta > SimulatedAnnealingSampler.RejectExponent || random.NextDouble() >= Math.Exp(-beta * delta))) continue;
            for (var k = 0; k < x.Length; k++) energy[k] += model.Flip(x[k], field[k], i);
        }
    }

    private static QuantumAnnealingOptions Validated(QuantumAnnealingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
