using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Settings of the capacity-penalty schedule of a one-hot anneal (<see cref="SimulatedAnnealingOptions.PenaltyRamp"/>):
/// the anneal walks on H_λ = residual + Σₐ λₐ(f)·(capacity penalty of agent a), with λₐ growing geometrically over the
/// schedule from a start weight set by the objective up to the QUBO's own weight Pₐ, which it reaches at
/// <see cref="FullAt"/> and keeps to the end — as a quantum annealer ramps its Hamiltonian towards the problem's. The
/// early and middle anneal can cross overloaded assignments; the end, the quench and every returned sample are the
/// true QUBO.
/// </summary>
public sealed record PenaltyRampOptions
{
    /// <summary>
    /// The start weight as a multiple of the objective's natural weight: the median task's spread between its cheapest
    /// and dearest option divided by its mean load (per unit of excess with <see cref="LinearExcess"/>), or by its mean
    /// load squared (the QUBO's excess² shape), i.e. the weight at which overloading an agent by one typical task costs
    /// about as much as moving a task to its dearest option. Never above the model's weight. Default 1.
    /// </summary>
    public double StartFactor { get; init; } = 1;

    /// <summary>The place in the schedule (0 = hot end, 1 = cold end) where λ reaches the model's weight. Default 0.8.</summary>
    public double FullAt { get; init; } = 0.8;

    /// <summary>
    /// While λ is below the model's weight, price an overload by λ × excess instead of the QUBO's λ × excess² (what
    /// classical strategic oscillation uses, and what made the hybrid's tabu good; not a QUBO term). From
    /// <see cref="FullAt"/> on the anneal is on the model's own energy either way. Default false.
    /// </summary>
    public bool LinearExcess { get; init; }

    internal void Validate()
    {
        if (!(StartFactor > 0) || double.IsInfinity(StartFactor)) throw new ArgumentOutOfRangeException(nameof(StartFactor), StartFactor, "Must be positive and finite.");
        if (!(FullAt is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(FullAt), FullAt, "Must be in (0, 1].");
    }
}

/// <summary>
/// The capacity weights of a one-hot anneal at each place of its schedule (<see cref="PenaltyRampOptions"/>). Only the
/// search energy follows them; the state's <see cref="OneHotState.ModelEnergy"/> stays the QUBO's energy.
/// </summary>
internal sealed class PenaltyRamp
{
    private readonly QuboAssignmentStructure _structure;
    private readonly PenaltyRampOptions _options;
    private bool _full;

    public PenaltyRamp(QuboAssignmentStructure structure, PenaltyRampOptions options)
    {
        _structure = structure;
        _options = options;
        StartWeight = options.StartFactor * NaturalWeight(structure, options.LinearExcess);
    }

    /// <summary>Whether the walk is on the model's own energy (the ramp has reached FullAt).</summary>
    public bool IsFull => _full;

    /// <summary>λ at the hot end (before the cap at each agent's model weight).</summary>
    public double StartWeight { get; }

    /// <summary>Whether the state steers by linear excess while the ramp is below the model's weights.</summary>
    public bool LinearExcess => _options.LinearExcess;

    /// <summary>Agent a's weight at place f ∈ [0, 1] of the schedule: geometric from the start weight to Pₐ at FullAt, then Pₐ.</summary>
    public double Weight(int agent, double place)
    {
        var model = _structure.CapacityWeight(agent);
        if (place >= _options.FullAt || StartWeight >= model) return model;
        return StartWeight * Math.Pow(model / StartWeight, Math.Max(0, place) / _options.FullAt);
    }

    /// <summary>Sets the state's weights for place f; from FullAt on, the model's weights and the QUBO's own penalty shape.</summary>
    public void Apply(OneHotState state, double place)
    {
        if (_full) return;
        if (place >= _options.FullAt)
        {
            state.UseModelPenalty();
            _full = true;
            return;
        }
        for (var a = 0; a < _structure.AgentCount; a++) state.SetCapacityWeight(a, Weight(a, place));
    }

    /// <summary>
    /// The median over tasks of (spread between the cheapest and dearest option) ÷ (mean load in capacity units, squared
    /// unless linear); 1 when no task has a spread or a load.
    /// </summary>
    internal static double NaturalWeight(QuboAssignmentStructure structure, bool linear)
    {
        var ratios = new List<double>();
        for (var t = 0; t < structure.TaskCount; t++)
        {
            var own = structure.TaskVariables(t);
            if (own.Count == 0) continue;
            var (low, high, load) = (double.PositiveInfinity, double.NegativeInfinity, 0.0);
            foreach (var v in own)
            {
                var cost = structure.Residual.Linear[v];
                (low, high) = (Math.Min(low, cost), Math.Max(high, cost));
                load += structure.UnitLoad[v];
            }
            load /= own.Count;
            if (high > low && load > 0) ratios.Add((high - low) / (linear ? load : load * load));
        }
        if (ratios.Count == 0) return 1;
        ratios.Sort();
        return ratios[ratios.Count / 2];
    }
}
