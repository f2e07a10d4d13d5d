using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

/// <summary>Seeded random circuits applied step by step to the simulator and to the naive reference.</summary>
internal static class RandomCircuit
{
    private const int OperationKinds = 22;

    public static SingleQubitMatrix RandomUnitary(Random random)
    {
        // U = e^{iα} RZ(β) RY(γ) RZ(δ) covers every single-qubit unitary.
        var alpha = Complex.FromPolarCoordinates(1, random.NextDouble() * 2 * Math.PI);
        var u = Gates.Rz(Angle(random)).Multiply(Gates.Ry(Angle(random))).Multiply(Gates.Rz(Angle(random)));
        return new(alpha * u.M00, alpha * u.M01, alpha * u.M10, alpha * u.M11);
    }

    public static QuboDiagonal RandomQubo(int variables, Random random)
    {
        var linear = Enumerable.Range(0, variables).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
        var quadratic = new List<QuadraticTerm>();
        for (var i = 0; i < variables; i++)
        {
            for (var j = i + 1; j < variables; j++)
            {
                if (random.NextDouble() < 0.6)
                {
                    quadratic.Add(new QuadraticTerm(i, j, (random.NextDouble() * 6) - 3));
                }
            }
        }

        return new QuboDiagonal(variables, linear, quadratic, offset: random.NextDouble());
    }

    /// <summary>Applies <paramref name="steps"/> random operations of every kind to both states.</summary>
    public static void Run(QuantumState state, ReferenceState reference, Random random, int steps)
    {
        var n = state.Qubits;
        var qubo = RandomQubo(n, random);
        using var cost = CostVector.FromQubo(qubo);
        for (var step = 0; step < steps; step++)
        {
            var a = random.Next(n);
            var b = (a + 1 + random.Next(n - 1)) % n;
            var theta = Angle(random);
            switch (random.Next(OperationKinds))
            {
                case 0: state.H(a); reference.Apply(Gates.H, a); break;
                case 1: state.X(a); reference.Apply(Gates.X, a); break;
                case 2: state.Y(a); reference.Apply(Gates.Y, a); break;
                case 3: state.Z(a); reference.Apply(Gates.Z, a); break;
                case 4: state.S(a); reference.Apply(Gates.S, a); break;
                case 5: state.SAdjoint(a); reference.Apply(Gates.SAdjoint, a); break;
                case 6: state.T(a); reference.Apply(Gates.T, a); break;
                case 7: state.TAdjoint(a); reference.Apply(Gates.TAdjoint, a); break;
                case 8: state.Rx(a, theta); reference.Apply(Gates.Rx(theta), a); break;
                case 9: state.Ry(a, theta); reference.Apply(Gates.Ry(theta), a); break;
                case 10: state.Rz(a, theta); reference.Apply(Gates.Rz(theta), a); break;
                case 11:
                    var u = RandomUnitary(random);
                    state.Apply(u, a);
                    reference.Apply(u, a);
                    break;
                case 12: state.Cnot(a, b); reference.ApplyControlled(Gates.X, a, b); break;
                case 13: state.Cz(a, b); reference.MultiplyDiagonal(k => ReferenceState.Bit(k, a) && ReferenceState.Bit(k, b) ? -1 : 1); break;
                case 14:
                    state.ControlledPhase(a, b, theta);
                    reference.MultiplyDiagonal(k => ReferenceState.Bit(k, a) && ReferenceState.Bit(k, b) ? Complex.FromPolarCoordinates(1, theta) : 1);
                    break;
                case 15:
                    state.Zz(a, b, theta);
                    reference.MultiplyDiagonal(k => Complex.FromPolarCoordinates(1, ReferenceState.Bit(k, a) == ReferenceState.Bit(k, b) ? -theta / 2 : theta / 2));
                    break;
                case 16: state.Swap(a, b); reference.Swap(a, b); break;
                case 17:
                    var (ua, ub) = (RandomUnitary(random), RandomUnitary(random));
                    state.ApplyPair(ua, a, ub, b);
                    reference.Apply(ua, a);
                    reference.Apply(ub, b);
                    break;
                case 18:
                    state.ApplyMixer(theta);
                    for (var q = 0; q < n; q++)
                    {
                        reference.Apply(Gates.Rx(2 * theta), q);
                    }

                    break;
                case 19:
                    state.ApplyCostPhase(cost, theta);
                    reference.MultiplyDiagonal(k => Complex.FromPolarCoordinates(1, -theta * qubo.Evaluate(k)));
                    break;
                case 20:
                    state.ApplyQuboPhase(qubo, theta);
                    reference.MultiplyDiagonal(k => Complex.FromPolarCoordinates(1, -theta * qubo.Evaluate(k)));
                    break;
                default:
                    var controlled = RandomUnitary(random);
                    state.ApplyControlled(controlled, a, b);
                    reference.ApplyControlled(controlled, a, b);
                    break;
            }
        }
    }

    /// <summary>Puts simulator states of equal size into the same random entangled state.</summary>
    public static void Scramble(Random random, params QuantumState[] states)
    {
        var n = states[0].Qubits;
        for (var step = 0; step < 3 * n; step++)
        {
            var a = random.Next(n);
            var b = (a + 1 + random.Next(n - 1)) % n;
            var u = RandomUnitary(random);
            foreach (var state in states)
            {
                state.Apply(u, a);
                state.Cnot(a, b);
            }
        }
    }

    private static double Angle(Random random) => (random.NextDouble() * 4 * Math.PI) - (2 * Math.PI);
}
