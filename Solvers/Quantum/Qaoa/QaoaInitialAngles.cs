namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>Where the angle search starts.</summary>
public enum QaoaInitialAngles
{
    /// <summary>
    /// Layer by layer (INTERP, Zhou et al. 2020): optimise p = 1 from a ramp, then interpolate the optimum of p layers
    /// into p + 1 layers and optimise again, up to the requested depth.
    /// </summary>
    Interp,

    /// <summary>A linear ramp at the full depth (γ rising, β falling, as a discretised anneal), then one optimisation.</summary>
    LinearRamp,
}
