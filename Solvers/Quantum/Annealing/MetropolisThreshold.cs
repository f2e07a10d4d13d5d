using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// The Metropolis rule of one proposal at inverse temperature β as a threshold: with u uniform in (0, 1], a change ΔE is
/// admitted when ΔE ≤ −ln(u)/β, which happens with probability min(1, e^(−βΔE)); exponents above
/// <see cref="SimulatedAnnealingSampler.RejectExponent"/> are never admitted. One threshold serves every test of the
/// proposal — lower bounds first, then its exact change — so a move whose bound is already above it is rejected unpriced.
/// u is drawn only when a test needs it (0 &lt; ΔE ≤ the ceiling) or a search asks for its <see cref="Headroom"/>: downhill
/// changes and changes beyond any threshold are decided without a draw or a logarithm, which took a fifth of a cold-end
/// proposal's time when drawn for every one.
/// </summary>
/// <remarks>
/// A value type on purpose: a sweep builds one per β and passes a copy to each proposal, so the divisions by β are made
/// once per sweep, not once per proposal (a cold-end proposal costs 30–60 ns).
/// </remarks>
internal struct MetropolisThreshold(double beta)
{
    private readonly double _temperature = 1 / beta;
    private readonly double _ceiling = SimulatedAnnealingSampler.RejectExponent / beta;
    private double _limit = double.NaN;

    /// <summary>The largest change any proposal can be admitted with (where e^(−βΔE) reaches the reject exponent): a bound that exceeds it is rejected without a draw.</summary>
    public readonly double Ceiling => _ceiling;

    /// <summary>Whether a change of <paramref name="delta"/> is at or below the proposal's threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Admits(double delta, ref Xoshiro256 random)
    {
        if (delta <= 0) return true;
        if (delta > _ceiling) return false;
        return delta <= Headroom(0, ref random);
    }

    /// <summary>
    /// How much more than <paramref name="spent"/> a change may be and still be admitted (drawing the threshold if no test
    /// has needed it yet): a search over a proposal's options can stop once every remaining option is beyond it.
    /// </summary>
    public double Headroom(double spent, ref Xoshiro256 random)
    {
        if (double.IsNaN(_limit)) _limit = -Math.Log(1 - random.NextDouble()) * _temperature;
        return Math.Min(_limit, _ceiling) - spent;
    }
}
