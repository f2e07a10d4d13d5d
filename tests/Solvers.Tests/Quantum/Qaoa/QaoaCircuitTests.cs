using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qaoa;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Solvers.Tests.Quantum.Qaoa;

public class QaoaCircuitTests
{
    private static readonly SimulatorOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void The_cost_vector_holds_the_QUBO_energy_of_every_bitstring()
    {
        var model = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(31, 3, 2))).Model;
        using var circuit = new QaoaCircuit(model, null, 0.25, OneThread);

        var bits = new byte[model.VariableCount];
        for (long k = 0; k < 1L << model.VariableCount; k++)
        {
            for (var i = 0; i < bits.Length; i++) bits[i] = (byte)((k >> i) & 1);
            Assert.Equal(model.Energy(bits), circuit.Energy(k), 9);
        }
        Assert.Equal(QuboTestProblems.GroundState(model).Energy, circuit.Ground.Energy, 9);
    }

    [Fact]
    public void With_no_layers_the_expectation_is_the_mean_energy_and_CVaR_the_mean_of_the_lowest_share()
    {
        var model = new QuboModel([1, 2, 4], [new QuboTerm(0, 1, -8)], 0.5);
        using var circuit = new QaoaCircuit(model, null, 0.25, OneThread);
        var energies = Enumerable.Range(0, 8).Select(k => circuit.Energy(k)).Order().ToArray();

        circuit.Prepare([]);

        Assert.Equal(energies.Average(), circuit.Expectation(), 12);
        Assert.Equal(energies[..2].Average(), circuit.Cvar(0.25), 12);
        Assert.Equal((energies[0] + energies[1] * 0.5) / 1.5, circuit.Cvar(0.1875), 12);
    }

    [Fact]
    public void A_warm_start_with_epsilon_one_half_is_plain_QAOA()
    {
        var model = new QuboModel([1, -2, 3, -1], [new QuboTerm(0, 1, 2), new QuboTerm(1, 3, -3), new QuboTerm(2, 3, 1.5)], 0);
        double[] angles = [0.3, 0.7, 0.5, 0.2];
        using var plain = new QaoaCircuit(model, null, 0.5, OneThread);
        using var warmHalf = new QaoaCircuit(model, [1, 0, 1, 1], 0.5, OneThread);
        using var warm = new QaoaCircuit(model, [1, 0, 1, 1], 0.1, OneThread);

        plain.Prepare(angles);
        warmHalf.Prepare(angles);
        warm.Prepare([]);

        for (var k = 0; k < 16; k++) Assert.Equal(plain.Probability(k), warmHalf.Probability(k), 12);
        // ε = 0.1: the given bitstring 1,0,1,1 (index 0b1101) starts with probability 0.9⁴.
        Assert.Equal(Math.Pow(0.9, 4), warm.Probability(0b1101), 12);
    }

    [Fact]
    public void Nelder_Mead_finds_the_minimum_of_a_smooth_function_and_stops_when_told()
    {
        static double Bowl(double[] x) => Math.Pow(x[0] - 1, 2) + 3 * Math.Pow(x[1] + 2, 2) + Math.Pow(x[0] - x[1] - 3, 2);

        var result = NelderMead.Minimize(Bowl, [0, 0], 0.5, 2000, () => false);
        var stopped = NelderMead.Minimize(Bowl, [0, 0], 0.5, 2000, () => true);

        Assert.Equal(1, result.Point[0], 3);
        Assert.Equal(-2, result.Point[1], 3);
        Assert.True(result.Evaluations < 2000);
        Assert.Equal(1, stopped.Evaluations);
        Assert.Equal(Bowl([0, 0]), stopped.Value);
    }

    [Fact]
    public void INTERP_spreads_p_layer_angles_over_p_plus_one_layers()
    {
        // γ = (1, 3), β = (4, 2) → γ' = (1, ½·1 + ½·3, 3) and β' = (4, 3, 2).
        Assert.Equal([1, 2, 3, 4, 3, 2], QaoaAngles.Interpolate([1, 3, 4, 2]));
        var ramp = QaoaAngles.LinearRamp(3);
        Assert.True(ramp[0] < ramp[1] && ramp[1] < ramp[2] && ramp[3] > ramp[4] && ramp[4] > ramp[5]);
    }
}
