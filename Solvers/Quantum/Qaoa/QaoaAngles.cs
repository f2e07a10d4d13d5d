namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// The 2p angles of a p-layer circuit, packed as the optimiser sees them: γ₁..γₚ then β₁..βₚ. γ multiplies the
/// cost scaled by <see cref="QaoaCircuit.CostScale"/>, so typical values are of order one whatever the QUBO's units.
/// </summary>
internal static class QaoaAngles
{
    /// <summary>Total evolution time of the ramp; 0.75 is a common choice for unit-scale costs.</summary>
    private const double RampTime = 0.75;

    /// <summary>γₖ = T·(k − ½)/p rising, βₖ = T·(1 − (k − ½)/p) falling: a discretised anneal from the mixer to the cost.</summary>
    public static double[] LinearRamp(int layers)
    {
        var angles = new double[2 * layers];
        for (var k = 0; k < layers; k++)
        {
            var s = (k + 0.5) / layers;
            angles[k] = RampTime * s;
            angles[layers + k] = RampTime * (1 - s);
        }
        return angles;
    }

    /// <summary>
    /// INTERP: the p + 1 layer start from a p-layer optimum, xᵢ⁽ᵖ⁺¹⁾ = (i − 1)/p·xᵢ₋₁ + (p − i + 1)/p·xᵢ for i = 1..p + 1
    /// (x₀ = xₚ₊₁ = 0), for γ and β separately.
    /// </summary>
    public static double[] Interpolate(double[] angles)
    {
        var p = angles.Length / 2;
        var next = new double[2 * (p + 1)];
        for (var half = 0; half < 2; half++)
            for (var i = 1; i <= p + 1; i++)
            {
                var previous = i >= 2 ? angles[half * p + i - 2] : 0;
                var current = i <= p ? angles[half * p + i - 1] : 0;
                next[half * (p + 1) + i - 1] = ((i - 1.0) / p * previous) + ((p - i + 1.0) / p * current);
            }
        return next;
    }
}
