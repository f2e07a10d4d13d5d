namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// An immutable quadratic unconstrained binary optimisation problem:
/// E(x) = Offset + Σᵢ Linear[i]·xᵢ + Σ_{i&lt;j} W(i,j)·xᵢ·xⱼ over x ∈ {0,1}ⁿ.
/// <para>
/// The quadratic part is stored twice: as the upper-triangular term list that files and people read, and
/// as a symmetric compressed-sparse-row adjacency (<see cref="RowStart"/>, <see cref="Neighbor"/>,
/// <see cref="Weight"/>) that samplers walk in their inner loops without dictionaries.
/// </para>
/// </summary>
public sealed class QuboModel
{
    private readonly QuboTerm[] _terms;

    /// <summary>Creates a model from linear coefficients and upper-triangular terms (i &lt; j, no duplicates).</summary>
    /// <exception cref="ArgumentException">A term is out of range, on the diagonal, not upper-triangular, repeated or not finite.</exception>
    public QuboModel(double[] linear, IReadOnlyList<QuboTerm> terms, double offset)
    {
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(terms);
        if (!double.IsFinite(offset)) throw new ArgumentException("The offset must be finite.", nameof(offset));
        for (var i = 0; i < linear.Length; i++)
            if (!double.IsFinite(linear[i])) throw new ArgumentException($"linear[{i}] is not finite.", nameof(linear));

        VariableCount = linear.Length;
        Linear = (double[])linear.Clone();
        Offset = offset;
        _terms = terms.ToArray();
        if (!IsSorted(_terms)) Array.Sort(_terms, static (a, b) => a.I != b.I ? a.I.CompareTo(b.I) : a.J.CompareTo(b.J));

        var degree = new int[VariableCount + 1];
        for (var k = 0; k < _terms.Length; k++)
        {
            var (i, j, w) = _terms[k];
            if (i < 0 || j >= VariableCount || i >= j)
                throw new ArgumentException($"quadratic[{k}] = ({i}, {j}) must satisfy 0 ≤ i < j < {VariableCount}.", nameof(terms));
            if (k > 0 && _terms[k - 1].I == i && _terms[k - 1].J == j)
                throw new ArgumentException($"quadratic term ({i}, {j}) appears twice.", nameof(terms));
            if (!double.IsFinite(w)) throw new ArgumentException($"quadratic term ({i}, {j}) is not finite.", nameof(terms));
            degree[i + 1]++;
            degree[j + 1]++;
        }

        RowStart = new int[VariableCount + 1];
        for (var i = 0; i < VariableCount; i++) RowStart[i + 1] = RowStart[i] + degree[i + 1];
        Neighbor = new int[RowStart[VariableCount]];
        Weight = new double[Neighbor.Length];
        var fill = (int[])RowStart.Clone();
        foreach (var (i, j, w) in _terms)
        {
            Neighbor[fill[i]] = j;
            Weight[fill[i]++] = w;
            Neighbor[fill[j]] = i;
            Weight[fill[j]++] = w;
        }
    }

    /// <summary>Number of binary variables (qubits when run on a gate-model or annealing device).</summary>
    public int VariableCount { get; }

    /// <summary>Coefficient of each xᵢ. Callers must not modify it.</summary>
    public double[] Linear { get; }

    /// <summary>Constant added to every energy.</summary>
    public double Offset { get; }

    /// <summary>Upper-triangular quadratic terms, sorted by (i, j).</summary>
    public IReadOnlyList<QuboTerm> Terms => _terms;

    /// <summary>CSR row starts: the neighbours of i are <see cref="Neighbor"/>[RowStart[i]..RowStart[i+1]).</summary>
    public int[] RowStart { get; }

    /// <summary>CSR column indexes (symmetric: each term appears in both rows).</summary>
    public int[] Neighbor { get; }

    /// <summary>CSR weights aligned with <see cref="Neighbor"/>.</summary>
    public double[] Weight { get; }

    /// <summary>The energy of a bitstring (one byte per variable, 0 or 1).</summary>
    public double Energy(ReadOnlySpan<byte> x)
    {
        CheckLength(x.Length);
        var energy = Offset;
        for (var i = 0; i < VariableCount; i++)
            if (x[i] != 0) energy += Linear[i];
        foreach (var (i, j, w) in _terms)
            if (x[i] != 0 && x[j] != 0) energy += w;
        return energy;
    }

    /// <summary>
    /// Local fields hᵢ + Σⱼ W(i,j)·xⱼ of every variable; flipping i changes the energy by (1 − 2xᵢ)·field[i].
    /// </summary>
    public void ComputeFields(ReadOnlySpan<byte> x, Span<double> field)
    {
        CheckLength(x.Length);
        for (var i = 0; i < VariableCount; i++) field[i] = Field(x, i);
    }

    /// <summary>Variable i's local field hᵢ + Σⱼ W(i,j)·xⱼ alone (O(degree)), for callers that keep no field array.</summary>
    public double Field(ReadOnlySpan<byte> x, int i)
    {
        var f = Linear[i];
        for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            if (x[Neighbor[k]] != 0) f += Weight[k];
        return f;
    }

    /// <summary>
    /// The energy of every one of the 2ⁿ bitstrings, bit i of the index being xᵢ (the diagonal of the cost
    /// Hamiltonian a QAOA cost layer applies). Gray-code order makes it O(2ⁿ · degree).
    /// </summary>
    /// <exception cref="InvalidOperationException">More than 30 variables.</exception>
    public double[] DiagonalCosts()
    {
        if (VariableCount > 30)
            throw new InvalidOperationException($"DiagonalCosts needs 2^n values; n = {VariableCount} is over the limit of 30.");
        var size = 1 << VariableCount;
        var costs = new double[size];
        var x = new byte[VariableCount];
        var field = new double[VariableCount];
        ComputeFields(x, field);
        var energy = Offset;
        costs[0] = energy;
        for (var step = 1; step < size; step++)
        {
            var i = System.Numerics.BitOperations.TrailingZeroCount(step);
            energy += Flip(x, field, i);
            costs[step ^ (step >> 1)] = energy;
        }
        return costs;
    }

    /// <summary>Flips xᵢ, updates the fields of its neighbours and returns the energy change.</summary>
    public double Flip(Span<byte> x, Span<double> field, int i)
    {
        var rising = x[i] == 0;
        var delta = rising ? field[i] : -field[i];
        x[i] = rising ? (byte)1 : (byte)0;
        var sign = rising ? 1.0 : -1.0;
        for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            field[Neighbor[k]] += sign * Weight[k];
        return delta;
    }

    /// <summary>
    /// Largest possible |ΔE| of one flip (over all states) and smallest nonzero |coefficient|: the range a
    /// temperature schedule must cover.
    /// </summary>
    public (double MaxFlip, double MinCoefficient) CoefficientRange()
    {
        double maxFlip = 0, min = double.PositiveInfinity;
        for (var i = 0; i < VariableCount; i++)
        {
            var up = Math.Abs(Linear[i]);
            if (up > 0) min = Math.Min(min, up);
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                var w = Math.Abs(Weight[k]);
                up += w;
                if (w > 0) min = Math.Min(min, w);
            }
            maxFlip = Math.Max(maxFlip, up);
        }
        return double.IsPositiveInfinity(min) ? (Math.Max(maxFlip, 1), 1) : (Math.Max(maxFlip, min), min);
    }

    private static bool IsSorted(QuboTerm[] terms)
    {
        for (var k = 1; k < terms.Length; k++)
            if (terms[k - 1].I > terms[k].I || (terms[k - 1].I == terms[k].I && terms[k - 1].J > terms[k].J))
                return false;
        return true;
    }

    private void CheckLength(int length)
    {
        if (length != VariableCount)
            throw new ArgumentException($"The bitstring has {length} entries; the model has {VariableCount} variables.");
    }
}

/// <summary>One quadratic coefficient W(i,j) with i &lt; j.</summary>
public readonly record struct QuboTerm(int I, int J, double W);
