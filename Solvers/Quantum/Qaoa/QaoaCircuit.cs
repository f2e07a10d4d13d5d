using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// One QUBO's QAOA circuit on the state-vector simulator: the cost vector (every bitstring's energy, tabulated once
/// in Gray-code order), the initial state (uniform, or biased towards a warm-start bitstring) and the layers
/// e^{−iβ·B} e^{−iγ·C/scale}. Basis state k holds bit i of k as variable xᵢ.
/// </summary>
internal sealed class QaoaCircuit : IDisposable
{
    private readonly QuantumState _state;
    private readonly CostVector _cost;
    private readonly double[]? _warmTheta;
    private long[]? _byEnergy;
    private double[]? _probabilities;

    /// <param name="model">The QUBO; one qubit per variable.</param>
    /// <param name="warmStart">Bitstring to bias the start towards (Egger et al.'s regularised warm start), or null.</param>
    /// <param name="epsilon">Regularisation of the warm start.</param>
    /// <param name="simulator">Threads and memory limit of the state.</param>
    public QaoaCircuit(QuboModel model, byte[]? warmStart, double epsilon, SimulatorOptions simulator)
    {
        var energies = model.DiagonalCosts();
        Qubits = model.VariableCount;
        _cost = CostVector.FromValues(energies);
        _state = QuantumState.Create(Qubits, StatePrecision.Complex128, simulator);
        CostScale = Scale(energies, Qubits);
        Ground = (0, energies[0]);
        for (var k = 1; k < energies.Length; k++)
            if (energies[k] < Ground.Energy) Ground = (k, energies[k]);
        if (warmStart is not null)
            _warmTheta = warmStart.Select(b => 2 * Math.Asin(Math.Sqrt(b != 0 ? 1 - epsilon : epsilon))).ToArray();
    }

    public int Qubits { get; }

    /// <summary>
    /// Divides the energies in the cost layer: their standard deviation over all bitstrings per √n, so that γ of
    /// order one is a sensible step whether the penalty weights are 10 or 10 000.
    /// </summary>
    public double CostScale { get; }

    /// <summary>The lowest energy of any bitstring (the QUBO's ground state) and its basis index.</summary>
    public (long Index, double Energy) Ground { get; }

    /// <summary>Energy of basis state <paramref name="k"/>.</summary>
    public double Energy(long k) => _cost[k];

    /// <summary>Prepares the circuit's output state for packed angles (γ₁..γₚ, β₁..βₚ).</summary>
    public void Prepare(ReadOnlySpan<double> angles)
    {
        var layers = angles.Length / 2;
        _state.Reset();
        if (_warmTheta is null) _state.PrepareUniformSuperposition();
        else for (var i = 0; i < Qubits; i++) _state.Ry(i, _warmTheta[i]);

        for (var k = 0; k < layers; k++)
        {
            _state.ApplyCostPhase(_cost, angles[k] / CostScale);
            var beta = angles[layers + k];
            if (_warmTheta is null)
            {
                _state.ApplyMixer(beta);
            }
            else
            {
                // The warm mixer rotates about each qubit's start direction on the Bloch sphere, so the warm start is
                // its eigenstate as |+⟩ is the plain mixer's; at ε = ½ it is exactly the plain RX(2β) mixer.
                var rz = Gates.Rz(2 * beta);
                for (var i = 0; i < Qubits; i++)
                    _state.Apply(Gates.Ry(_warmTheta[i]).Multiply(rz).Multiply(Gates.Ry(-_warmTheta[i])), i);
            }
        }
    }

    /// <summary>⟨C⟩ of the prepared state.</summary>
    public double Expectation() => _state.Expectation(_cost) / _state.SquaredNorm();

    /// <summary>The mean energy of the lowest <paramref name="alpha"/> share of the prepared state's distribution.</summary>
    public double Cvar(double alpha)
    {
        // Allocated on first use: ⟨C⟩ alone needs no memory beyond the state and the cost vector.
        _byEnergy ??= IndexesByEnergy();
        _probabilities ??= new double[_byEnergy.Length];
        _state.CopyProbabilitiesTo(_probabilities);
        var norm = _state.SquaredNorm();
        double mass = 0, sum = 0;
        foreach (var k in _byEnergy)
        {
            var p = Math.Min(_probabilities[k] / norm, alpha - mass);
            sum += p * _cost[k];
            mass += p;
            if (mass >= alpha) break;
        }
        return sum / mass;
    }

    /// <summary>Probability of basis state <paramref name="k"/> in the prepared state.</summary>
    public double Probability(long k) => _state.Probability(k) / _state.SquaredNorm();

    /// <summary>Measures the prepared state <paramref name="shots"/> times.</summary>
    public long[] Sample(int shots, int seed) => _state.Sample(shots, seed);

    public void Dispose()
    {
        _state.Dispose();
        _cost.Dispose();
    }

    private long[] IndexesByEnergy()
    {
        var energies = new double[_cost.Length];
        var indexes = new long[_cost.Length];
        for (var k = 0; k < indexes.Length; k++) (energies[k], indexes[k]) = (_cost[k], k);
        Array.Sort(energies, indexes);
        return indexes;
    }

    private static double Scale(double[] energies, int qubits)
    {
        double mean = 0, square = 0;
        foreach (var e in energies) mean += e / energies.Length;
        foreach (var e in energies) square += (e - mean) * (e - mean) / energies.Length;
        var scale = Math.Sqrt(square / qubits);
        return scale > 0 ? scale : 1;
    }
}
