using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// A state vector of 2^n complex amplitudes in native memory, with gates, QAOA layers and measurement. Qubit q is
/// bit q of the basis-state index (qubit 0 is the least significant). Not thread-safe: one operation at a time,
/// each of which uses up to <see cref="SimulatorOptions.MaxDegreeOfParallelism"/> threads internally.
/// </summary>
public abstract class QuantumState : IDisposable
{
    private protected QuantumState(int qubits, StatePrecision precision, SimulatorOptions options)
    {
        Qubits = qubits;
        Precision = precision;
        Options = options;
    }

    /// <summary>Number of qubits n.</summary>
    public int Qubits { get; }

    /// <summary>Amplitude format.</summary>
    public StatePrecision Precision { get; }

    /// <summary>Number of amplitudes, 2^n.</summary>
    public long Length => 1L << Qubits;

    /// <summary>Options this state was created with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Whether the AVX2/FMA kernels run (false on CPUs without them, when disabled, or for states under 3 qubits).</summary>
    public abstract bool UsesSimd { get; }

    /// <summary>
    /// Allocates a state in |0…0⟩. Throws <see cref="StateTooLargeException"/> when it would exceed the memory limit.
    /// </summary>
    public static QuantumState Create(int qubits, StatePrecision precision = StatePrecision.Complex128, SimulatorOptions? options = null)
    {
        options ??= SimulatorOptions.Default;
        options.Validate();
        SimulatorCapacity.EnsureFits(qubits, precision, options);
        return precision switch
        {
            StatePrecision.Complex128 => new StateVector<double, DoubleLanes>(qubits, precision, options),
            StatePrecision.Complex64 => new StateVector<float, SingleLanes>(qubits, precision, options),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown state precision."),
        };
    }

    /// <summary>Whether this CPU runs the SIMD kernels.</summary>
    public static bool IsSimdSupported => Avx2.IsSupported && Fma.IsSupported && Vector256.IsHardwareAccelerated;

    // ---- preparation ----

    /// <summary>Sets the state to the basis state |k⟩.</summary>
    public void Reset(long basisState = 0)
    {
        CheckBasisState(basisState);
        ResetCore(basisState);
    }

    /// <summary>Sets the state to |+⟩^⊗n, every amplitude 2^(−n/2): the usual QAOA start.</summary>
    public abstract void PrepareUniformSuperposition();

    /// <summary>Copies explicit amplitudes (length 2^n), e.g. a warm start; they are not normalised.</summary>
    public void SetAmplitudes(ReadOnlySpan<Complex> amplitudes)
    {
        if (amplitudes.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} amplitudes for {Qubits} qubits, got {amplitudes.Length}.", nameof(amplitudes));
        }

        SetAmplitudesCore(amplitudes);
    }

    /// <summary>Amplitude of basis state |k⟩.</summary>
    public Complex GetAmplitude(long basisState)
    {
        CheckBasisState(basisState);
        return GetAmplitudeCore(basisState);
    }

    /// <summary>All amplitudes as a managed array (for small states: at most 2^26 amplitudes).</summary>
    public Complex[] ToArray()
    {
        if (Qubits > 26)
        {
            throw new InvalidOperationException($"ToArray copies at most 26 qubits; this state has {Qubits}. Use GetAmplitude or Sample.");
        }

        var result = new Complex[Length];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = GetAmplitudeCore(k);
        }

        return result;
    }

    // ---- single-qubit gates ----

    /// <summary>Applies a 2×2 matrix to <paramref name="qubit"/> (not checked for unitarity).</summary>
    public void Apply(SingleQubitMatrix u, int qubit)
    {
        CheckQubit(qubit, nameof(qubit));
        CheckFinite(u, nameof(u));
        ApplyCore(u, qubit);
    }

    public void H(int qubit) => Apply(Gates.H, qubit);

    public void X(int qubit) => Apply(Gates.X, qubit);

    public void Y(int qubit) => Apply(Gates.Y, qubit);

    public void Z(int qubit) => Apply(Gates.Z, qubit);

    public void S(int qubit) => Apply(Gates.S, qubit);

    public void SAdjoint(int qubit) => Apply(Gates.SAdjoint, qubit);

    public void T(int qubit) => Apply(Gates.T, qubit);

    public void TAdjoint(int qubit) => Apply(Gates.TAdjoint, qubit);

    public void Rx(int qubit, double theta) => Apply(Gates.Rx(theta), qubit);

    public void Ry(int qubit, double theta) => Apply(Gates.Ry(theta), qubit);

    public void Rz(int qubit, double theta) => Apply(Gates.Rz(theta), qubit);

    /// <summary>
    /// Applies <paramref name="ua"/> to qubit <paramref name="a"/> and <paramref name="ub"/> to qubit <paramref name="b"/>
    /// in a single pass over the state (half the memory traffic of two gates).
    /// </summary>
    public void ApplyPair(SingleQubitMatrix ua, int a, SingleQubitMatrix ub, int b)
    {
        CheckQubit(a, nameof(a));
        CheckQubit(b, nameof(b));
        CheckDistinct(a, b);
        CheckFinite(ua, nameof(ua));
        CheckFinite(ub, nameof(ub));
        if (a < b)
        {
            ApplyPairCore(ua, a, ub, b);
        }
        else
        {
            ApplyPairCore(ub, b, ua, a);
        }
    }

    /// <summary>Applies <paramref name="u"/> to every qubit, two qubits per pass.</summary>
    public void ApplyToAllQubits(SingleQubitMatrix u)
    {
        CheckFinite(u, nameof(u));
        var q = 0;
        for (; q + 1 < Qubits; q += 2)
        {
            ApplyPairCore(u, q, u, q + 1);
        }

        if (q < Qubits)
        {
            ApplyCore(u, q);
        }
    }

    /// <summary>The QAOA mixer layer: RX(2β) on every qubit, i.e. exp(−iβ Σ X_q).</summary>
    public void ApplyMixer(double beta) => ApplyToAllQubits(Gates.Rx(2 * beta));

    // ---- two-qubit gates ----

    /// <summary>Applies <paramref name="u"/> to <paramref name="target"/> on the part of the state where <paramref name="control"/> is 1.</summary>
    public void ApplyControlled(SingleQubitMatrix u, int control, int target)
    {
        CheckQubit(control, nameof(control));
        CheckQubit(target, nameof(target));
        CheckDistinct(control, target);
        CheckFinite(u, nameof(u));
        ApplyControlledCore(u, control, target);
    }

    public void Cnot(int control, int target) => ApplyControlled(Gates.X, control, target);

    public void Cz(int a, int b) => ApplyTwoQubitDiagonal(a, b, 1, 1, 1, -1);

    /// <summary>diag(1, 1, 1, e^{iφ}) on (control, target): symmetric in its two qubits.</summary>
    public void ControlledPhase(int control, int target, double phi)
    {
        CheckFinite(phi, nameof(phi));
        ApplyTwoQubitDiagonal(control, target, 1, 1, 1, Complex.FromPolarCoordinates(1, phi));
    }

    /// <summary>exp(−iθ/2 · Z_a Z_b): e^{−iθ/2} where the two bits agree, e^{iθ/2} where they differ.</summary>
    public void Zz(int a, int b, double theta)
    {
        CheckFinite(theta, nameof(theta));
        var same = Complex.FromPolarCoordinates(1, -theta / 2);
        var different = Complex.FromPolarCoordinates(1, theta / 2);
        ApplyTwoQubitDiagonal(a, b, same, different, different, same);
    }

    public void Swap(int a, int b)
    {
        CheckQubit(a, nameof(a));
        CheckQubit(b, nameof(b));
        CheckDistinct(a, b);
        SwapCore(a, b);
    }

    // ---- diagonal layers ----

    /// <summary>The QAOA cost layer: amplitude k ·= exp(−iγ·cost[k]), in one pass over the state.</summary>
    public void ApplyCostPhase(CostVector cost, double gamma)
    {
        CheckCost(cost);
        CheckFinite(gamma, nameof(gamma));
        ApplyCostPhaseCore(cost, gamma);
    }

    /// <summary>The QAOA cost layer computed from the QUBO on the fly (no 8 bytes per amplitude of cost vector to read).</summary>
    public void ApplyQuboPhase(QuboDiagonal qubo, double gamma)
    {
        ArgumentNullException.ThrowIfNull(qubo);
        if (qubo.Variables != Qubits)
        {
            throw new ArgumentException($"The QUBO has {qubo.Variables} variables but the state has {Qubits} qubits.", nameof(qubo));
        }

        CheckFinite(gamma, nameof(gamma));
        ApplyQuboPhaseCore(qubo, gamma);
    }

    // ---- measurement ----

    /// <summary>Σ|a_k|².</summary>
    public abstract double SquaredNorm();

    /// <summary>√Σ|a_k|².</summary>
    public double Norm() => Math.Sqrt(SquaredNorm());

    /// <summary>Divides every amplitude by the norm.</summary>
    public abstract void Normalize();

    /// <summary>⟨ψ|C|ψ⟩ = Σ|a_k|²·cost[k] for a diagonal observable, in one pass (not divided by the norm).</summary>
    public double Expectation(CostVector cost)
    {
        CheckCost(cost);
        return ExpectationCore(cost);
    }

    /// <summary>|a_k|².</summary>
    public double Probability(long basisState)
    {
        var a = GetAmplitude(basisState);
        return (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
    }

    /// <summary>Writes |a_k|² for every k into <paramref name="target"/> (length 2^n).</summary>
    public void CopyProbabilitiesTo(Span<double> target)
    {
        if (target.Length != Length)
        {
            throw new ArgumentException($"Expected a buffer of {Length} probabilities, got {target.Length}.", nameof(target));
        }

        CopyProbabilitiesCore(target);
    }

    /// <summary>|a_k|² for every k as a new array.</summary>
    public double[] Probabilities()
    {
        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"{Length} probabilities do not fit in an array; sample instead.");
        }

        var result = new double[Length];
        CopyProbabilitiesCore(result);
        return result;
    }

    /// <summary>
    /// Draws <paramref name="shots"/> basis states with probability |a_k|²/‖ψ‖² (the state is not changed).
    /// The same seed and state give the same samples, in the same order, for every thread count.
    /// </summary>
    public long[] Sample(int shots, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        return shots == 0 ? [] : SampleCore(shots, seed);
    }

    /// <summary>Measures one qubit in the Z basis, collapses and renormalises the state; returns 0 or 1.</summary>
    public int MeasureQubit(int qubit, Random random)
    {
        CheckQubit(qubit, nameof(qubit));
        ArgumentNullException.ThrowIfNull(random);
        return MeasureQubitCore(qubit, random);
    }

    /// <summary>⟨this|other⟩; both states need the same qubit count and precision.</summary>
    public Complex InnerProduct(QuantumState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Qubits != Qubits || other.Precision != Precision)
        {
            throw new ArgumentException($"Inner product needs equal shapes: this is {Qubits} qubits {Precision}, the other {other.Qubits} qubits {other.Precision}.", nameof(other));
        }

        return InnerProductCore(other);
    }

    /// <summary>|⟨this|other⟩|² (for normalised states: 1 when equal up to a global phase).</summary>
    public double Fidelity(QuantumState other)
    {
        var overlap = InnerProduct(other);
        return (overlap.Real * overlap.Real) + (overlap.Imaginary * overlap.Imaginary);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private protected abstract void ResetCore(long basisState);

    private protected abstract void SetAmplitudesCore(ReadOnlySpan<Complex> amplitudes);

    private protected abstract Complex GetAmplitudeCore(long basisState);

    private protected abstract void ApplyCore(SingleQubitMatrix u, int qubit);

    private protected abstract void ApplyPairCore(SingleQubitMatrix ua, int a, SingleQubitMatrix ub, int b);

    private protected abstract void ApplyControlledCore(SingleQubitMatrix u, int control, int target);

    private protected abstract void ApplyTwoQubitDiagonalCore(int a, int b, Complex p00, Complex p01, Complex p10, Complex p11);

    private protected abstract void SwapCore(int a, int b);

    private protected abstract void ApplyCostPhaseCore(CostVector cost, double gamma);

    private protected abstract void ApplyQuboPhaseCore(QuboDiagonal qubo, double gamma);

    private protected abstract double ExpectationCore(CostVector cost);

    private protected abstract void CopyProbabilitiesCore(Span<double> target);

    private protected abstract long[] SampleCore(int shots, int seed);

    private protected abstract int MeasureQubitCore(int qubit, Random random);

    private protected abstract Complex InnerProductCore(QuantumState other);

    /// <summary>Phases for |b a⟩ = |00⟩, |01⟩ (a set), |10⟩ (b set), |11⟩.</summary>
    private void ApplyTwoQubitDiagonal(int a, int b, Complex p00, Complex p01, Complex p10, Complex p11)
    {
        CheckQubit(a, nameof(a));
        CheckQubit(b, nameof(b));
        CheckDistinct(a, b);
        ApplyTwoQubitDiagonalCore(a, b, p00, p01, p10, p11);
    }

    private void CheckQubit(int qubit, string name)
    {
        if ((uint)qubit >= (uint)Qubits)
        {
            throw new ArgumentOutOfRangeException(name, qubit, $"Qubit {name} = {qubit} is outside 0..{Qubits - 1}.");
        }
    }

    private static void CheckDistinct(int a, int b)
    {
        if (a == b)
        {
            throw new ArgumentException($"A two-qubit gate needs two different qubits, got {a} twice.");
        }
    }

    private void CheckBasisState(long basisState)
    {
        if ((ulong)basisState >= (ulong)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(basisState), basisState, $"Basis state must be in 0..{Length - 1}.");
        }
    }

    private void CheckCost(CostVector cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (cost.Qubits != Qubits)
        {
            throw new ArgumentException($"The cost vector is for {cost.Qubits} qubits but the state has {Qubits}.", nameof(cost));
        }
    }

    private static void CheckFinite(SingleQubitMatrix u, string name)
    {
        if (!Complex.IsFinite(u.M00) || !Complex.IsFinite(u.M01) || !Complex.IsFinite(u.M10) || !Complex.IsFinite(u.M11))
        {
            throw new ArgumentException($"Gate matrix {name} has a non-finite entry: {u}.", name);
        }
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be finite, got {value}.", name);
        }
    }
}
