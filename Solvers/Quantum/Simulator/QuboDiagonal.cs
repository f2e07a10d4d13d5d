using QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// A QUBO read as a diagonal observable: basis state k (bit i of k is x_i) has cost
/// <c>Offset + Σ Linear[i]·x_i + Σ_{i&lt;j} Q[i,j]·x_i·x_j</c>. Used by the simulator to build cost vectors or to
/// apply a QAOA cost layer without storing one.
/// </summary>
public sealed class QuboDiagonal
{
    private readonly double[] _linear;
    private readonly double[] _upper; // Q[i, j] for i < j at i * Variables + j
    private QuboBlocks? _blocks;

    /// <param name="variables">Number of binary variables (= qubits).</param>
    /// <param name="linear">Linear coefficients, one per variable.</param>
    /// <param name="quadratic">Pair terms; repeated pairs add up, (i, j) and (j, i) are the same pair, and a term with I = J is linear (x² = x).</param>
    /// <param name="offset">Constant added to every cost.</param>
    public QuboDiagonal(int variables, IReadOnlyList<double> linear, IEnumerable<QuadraticTerm> quadratic, double offset = 0)
    {
        ArgumentNullException.ThrowIfNull(linear);
        ArgumentNullException.ThrowIfNull(quadratic);
        if (variables is < 1 or > SimulatorCapacity.MaxSupportedQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(variables), variables, $"A QUBO diagonal needs between 1 and {SimulatorCapacity.MaxSupportedQubits} variables.");
        }

        if (linear.Count != variables)
        {
            throw new ArgumentException($"linear has {linear.Count} coefficients but the QUBO has {variables} variables.", nameof(linear));
        }

        if (!double.IsFinite(offset))
        {
            throw new ArgumentException($"offset must be finite, got {offset}.", nameof(offset));
        }

        Variables = variables;
        Offset = offset;
        _linear = new double[variables];
        _upper = new double[variables * variables];
        for (var i = 0; i < variables; i++)
        {
            _linear[i] = RequireFinite(linear[i], $"linear[{i}]");
        }

        var index = 0;
        foreach (var term in quadratic)
        {
            var where = $"quadratic[{index++}]";
            if ((uint)term.I >= (uint)variables || (uint)term.J >= (uint)variables)
            {
                throw new ArgumentException($"{where}: variable pair ({term.I}, {term.J}) is outside 0..{variables - 1}.", nameof(quadratic));
            }

            var weight = RequireFinite(term.Weight, where);
            if (term.I == term.J)
            {
                _linear[term.I] += weight;
            }
            else
            {
                _upper[(Math.Min(term.I, term.J) * variables) + Math.Max(term.I, term.J)] += weight;
            }
        }
    }

    /// <summary>Number of variables (qubits).</summary>
    public int Variables { get; }

    /// <summary>Constant term.</summary>
    public double Offset { get; }

    /// <summary>Linear coefficients after folding diagonal pair terms in.</summary>
    public IReadOnlyList<double> Linear => _linear;

    /// <summary>Coefficient of x_i·x_j (symmetric; 0 when i = j).</summary>
    public double Quadratic(int i, int j) => i == j ? 0 : _upper[(Math.Min(i, j) * Variables) + Math.Max(i, j)];

    /// <summary>The block decomposition the simulator's QUBO passes use; built on first use (a benign race at worst builds it twice).</summary>
    internal QuboBlocks Blocks => _blocks ??= new QuboBlocks(this, lowBitsLimit: 10);

    /// <summary>Cost of one basis state, computed term by term.</summary>
    public double Evaluate(long basisState)
    {
        if (basisState < 0 || (Variables < 63 && basisState >> Variables != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(basisState), basisState, $"Basis state must be in 0..2^{Variables}-1.");
        }

        var cost = Offset;
        for (var i = 0; i < Variables; i++)
        {
            if ((basisState >> i & 1) == 0)
            {
                continue;
            }

            cost += _linear[i];
            for (var j = i + 1; j < Variables; j++)
            {
                if ((basisState >> j & 1) != 0)
                {
                    cost += _upper[(i * Variables) + j];
                }
            }
        }

        return cost;
    }

    private static double RequireFinite(double value, string where) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"{where}: coefficient must be finite, got {value}.");
}
