namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>Accumulates linear, quadratic and constant terms (in any order, repeated) into a <see cref="QuboModel"/>.</summary>
public sealed class QuboBuilder
{
    private readonly double[] _linear;
    // Terms are appended and merged once in Build: sorting millions of (key, weight) pairs is far cheaper
    // than hashing them (a capacity term alone couples every pair of an agent's tasks).
    private readonly List<long> _keys = [];
    private readonly List<double> _weights = [];
    private double _offset;

    public QuboBuilder(int variableCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        _linear = new double[variableCount];
    }

    public int VariableCount => _linear.Length;

    public void AddOffset(double value) => _offset += value;

    public void AddLinear(int i, double value) => _linear[i] += value;

    /// <summary>Adds w·xᵢ·xⱼ; i = j is folded into the linear term because x² = x for binaries.</summary>
    public void AddQuadratic(int i, int j, double w)
    {
        if (i == j)
        {
            _linear[i] += w;
            return;
        }
        if (i > j) (i, j) = (j, i);
        _keys.Add((long)i * _linear.Length + j);
        _weights.Add(w);
    }

    /// <summary>
    /// Adds weight·(Σₖ aₖ·x_{vₖ} + constant)², expanded with xᵢ² = xᵢ: the building block of every penalty.
    /// </summary>
    public void AddSquaredLinear(ReadOnlySpan<int> variables, ReadOnlySpan<double> coefficients, double constant, double weight)
    {
        _offset += weight * constant * constant;
        for (var p = 0; p < variables.Length; p++)
        {
            var a = coefficients[p];
            AddLinear(variables[p], weight * (a * a + 2 * a * constant));
            for (var q = p + 1; q < variables.Length; q++)
                AddQuadratic(variables[p], variables[q], 2 * weight * a * coefficients[q]);
        }
    }

    /// <summary>Freezes the terms: repeats summed, exact zeros (cancelled terms) dropped, sorted by (i, j).</summary>
    public QuboModel Build()
    {
        var keys = _keys.ToArray();
        var weights = _weights.ToArray();
        Array.Sort(keys, weights);
        var terms = new List<QuboTerm>(keys.Length);
        for (var k = 0; k < keys.Length;)
        {
            var key = keys[k];
            var w = 0.0;
            for (; k < keys.Length && keys[k] == key; k++) w += weights[k];
            if (w != 0) terms.Add(new QuboTerm((int)(key / _linear.Length), (int)(key % _linear.Length), w));
        }
        return new QuboModel(_linear, terms, _offset);
    }
}
