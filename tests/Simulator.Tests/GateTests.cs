using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class GateTests
{
    private const int Qubits = 4;

    private static readonly string[] SingleQubitGates = ["H", "X", "Y", "Z", "S", "S†", "T", "T†", "RX", "RY", "RZ", "U"];

    public static IEnumerable<object[]> GatesByFlavour() =>
        from row in Flavour.All
        from gate in SingleQubitGates
        select new[] { row[0], row[1], gate };

    [Theory]
    [MemberData(nameof(GatesByFlavour))]
    public void Single_qubit_gate_maps_each_basis_state_to_its_matrix_column(StatePrecision precision, bool simd, string gate)
    {
        var flavour = new Flavour(precision, simd);
        var u = Matrix(gate);
        using var state = flavour.Create(Qubits);
        for (var target = 0; target < Qubits; target++)
        {
            for (var basis = 0; basis < 1 << Qubits; basis++)
            {
                state.Reset(basis);
                Apply(state, gate, target);
                var expected = new Complex[1 << Qubits];
                var bit = basis >> target & 1;
                expected[basis & ~(1 << target)] = bit == 0 ? u.M00 : u.M01;
                expected[basis | (1 << target)] = bit == 0 ? u.M10 : u.M11;
                StateAssert.Close(expected, state, flavour.Tolerance, $"{gate} on qubit {target} from |{basis}⟩:");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Two_qubit_gates_act_on_basis_states_as_defined(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(Qubits);
        foreach (var (a, b) in new[] { (0, 1), (1, 0), (0, 3), (3, 1), (2, 3) })
        {
            for (var basis = 0; basis < 1 << Qubits; basis++)
            {
                bool bitA = ReferenceState.Bit(basis, a), bitB = ReferenceState.Bit(basis, b);

                state.Reset(basis);
                state.Cnot(a, b);
                StateAssert.Close(Basis(bitA ? basis ^ (1 << b) : basis, 1), state, flavour.Tolerance, $"CNOT({a},{b}) |{basis}⟩:");

                state.Reset(basis);
                state.Cz(a, b);
                StateAssert.Close(Basis(basis, bitA && bitB ? -1 : 1), state, flavour.Tolerance, $"CZ({a},{b}) |{basis}⟩:");

                state.Reset(basis);
                state.ControlledPhase(a, b, 0.7);
                StateAssert.Close(Basis(basis, bitA && bitB ? Complex.FromPolarCoordinates(1, 0.7) : 1), state, flavour.Tolerance, $"CP({a},{b}) |{basis}⟩:");

                state.Reset(basis);
                state.Zz(a, b, 0.9);
                StateAssert.Close(Basis(basis, Complex.FromPolarCoordinates(1, bitA == bitB ? -0.45 : 0.45)), state, flavour.Tolerance, $"ZZ({a},{b}) |{basis}⟩:");

                state.Reset(basis);
                state.Swap(a, b);
                var swapped = (basis & ~(1 << a) & ~(1 << b)) | ((bitA ? 1 : 0) << b) | ((bitB ? 1 : 0) << a);
                StateAssert.Close(Basis(swapped, 1), state, flavour.Tolerance, $"SWAP({a},{b}) |{basis}⟩:");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Fused_pair_equals_the_two_gates_one_after_the_other(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        var random = new Random(11);
        const int qubits = 7;
        for (var a = 0; a < qubits; a++)
        {
            for (var b = 0; b < qubits; b++)
            {
                if (a == b)
                {
                    continue;
                }

                var (ua, ub) = (RandomCircuit.RandomUnitary(random), RandomCircuit.RandomUnitary(random));
                using var fused = flavour.Create(qubits);
                using var separate = flavour.Create(qubits);
                RandomCircuit.Scramble(random, fused, separate);
                fused.ApplyPair(ua, a, ub, b);
                separate.Apply(ua, a);
                separate.Apply(ub, b);
                StateAssert.Close(separate.ToArray(), fused, flavour.Tolerance, $"pair ({a},{b}):");
            }
        }
    }

    /// <summary>A 512 MiB state: the smallest with two segments of the default layout, so the gate crosses the real 2 MiB gap.</summary>
    [Fact]
    public void Gate_on_a_qubit_whose_partners_lie_across_the_layout_gap()
    {
        using var state = QuantumState.Create(25, StatePrecision.Complex128);
        const long basis = (1L << 24) | 12345;
        state.Reset(basis);
        state.Rx(24, 0.8);
        var expectedStay = Math.Cos(0.4);
        var expectedFlip = new Complex(0, -Math.Sin(0.4));
        Assert.True(Complex.Abs(state.GetAmplitude(basis) - expectedStay) < 1e-12, $"stayed: {state.GetAmplitude(basis)}");
        Assert.True(Complex.Abs(state.GetAmplitude(12345) - expectedFlip) < 1e-12, $"flipped: {state.GetAmplitude(12345)}");
        StateAssert.Close(1, state.SquaredNorm(), 1e-12, "norm");
    }

    [Fact]
    public void Bad_qubit_indices_are_refused_with_the_index_named()
    {
        using var state = QuantumState.Create(3);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => state.H(3));
        Assert.Contains("outside 0..2", outside.Message);
        var twice = Assert.Throws<ArgumentException>(() => state.Cnot(1, 1));
        Assert.Contains("got 1 twice", twice.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => state.Reset(8));
        Assert.Throws<ArgumentException>(() => state.Rx(0, double.NaN));
    }

    private static Complex[] Basis(int index, Complex value)
    {
        var amplitudes = new Complex[1 << Qubits];
        amplitudes[index] = value;
        return amplitudes;
    }

    private static readonly SingleQubitMatrix ArbitraryU = new(
        new Complex(0.6, 0), new Complex(0, 0.8), new Complex(0, 0.8), new Complex(0.6, 0));

    private static SingleQubitMatrix Matrix(string gate)
    {
        var h = 1 / Math.Sqrt(2);
        var i = Complex.ImaginaryOne;
        return gate switch
        {
            "H" => new(h, h, h, -h),
            "X" => new(0, 1, 1, 0),
            "Y" => new(0, -i, i, 0),
            "Z" => new(1, 0, 0, -1),
            "S" => new(1, 0, 0, i),
            "S†" => new(1, 0, 0, -i),
            "T" => new(1, 0, 0, Complex.Exp(i * Math.PI / 4)),
            "T†" => new(1, 0, 0, Complex.Exp(-i * Math.PI / 4)),
            "RX" => new(Math.Cos(0.35), -i * Math.Sin(0.35), -i * Math.Sin(0.35), Math.Cos(0.35)),
            "RY" => new(Math.Cos(0.35), -Math.Sin(0.35), Math.Sin(0.35), Math.Cos(0.35)),
            "RZ" => new(Complex.Exp(-i * 0.35), 0, 0, Complex.Exp(i * 0.35)),
            "U" => ArbitraryU,
            _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, null),
        };
    }

    private static void Apply(QuantumState state, string gate, int q)
    {
        switch (gate)
        {
            case "H": state.H(q); break;
            case "X": state.X(q); break;
            case "Y": state.Y(q); break;
            case "Z": state.Z(q); break;
            case "S": state.S(q); break;
            case "S†": state.SAdjoint(q); break;
            case "T": state.T(q); break;
            case "T†": state.TAdjoint(q); break;
            case "RX": state.Rx(q, 0.7); break;
            case "RY": state.Ry(q, 0.7); break;
            case "RZ": state.Rz(q, 0.7); break;
            case "U": state.Apply(ArbitraryU, q); break;
            default: throw new ArgumentOutOfRangeException(nameof(gate), gate, null);
        }
    }
}
