using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// Samples a QUBO with QAOA on the state-vector simulator: tabulate the cost vector, optimise the 2p angles by
/// Nelder–Mead on ⟨C⟩ or CVaR-α (layer by layer or from a ramp), then measure the final state. With starting
/// states in the request (a warm start) the circuit starts biased towards the first of them and every starting
/// state joins the samples, so the caller never ends worse than what it gave.
/// </summary>
public sealed class QaoaSampler : IReportingQuboSampler
{
    /// <summary>Share of the time limit the angle search may use; measuring afterwards is one more pass.</summary>
    private const double OptimisationShare = 0.9;

    /// <summary>First simplex edge of the angle search, in the units of <see cref="QaoaAngles"/>.</summary>
    private const double SimplexStep = 0.15;

    private readonly QaoaOptions _options;
    private readonly int _threads;
    private IReadOnlyDictionary<string, string> _details = new Dictionary<string, string>();

    /// <param name="options">Default: p = 3, CVaR-0.2, INTERP, 1024 shots.</param>
    /// <param name="threads">Simulator threads; 0 = all cores.</param>
    public QaoaSampler(QaoaOptions? options = null, int threads = 1)
    {
        _options = options ?? new QaoaOptions();
        _options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _threads = threads == 0 ? Environment.ProcessorCount : threads;
    }

    public string Name => "qaoa";

    public IReadOnlyDictionary<string, string> Details => _details;

    /// <exception cref="NotSupportedException">The QUBO has more variables than the qubit limit.</exception>
    public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (QubitRefusal(model.VariableCount, _options) is { } reason) throw new NotSupportedException($"QAOA cannot sample this QUBO: {reason}.");
        if (model.VariableCount == 0) return QuboSampleSet.From([new QuboSample([], model.Offset)], timedOut: false);

        var clock = Stopwatch.StartNew();
        var deadline = request.TimeLimit * OptimisationShare;
        var timedOut = false;
        bool ShouldStop()
        {
            if (cancellationToken.IsCancellationRequested) return true;
            timedOut |= clock.Elapsed >= deadline;
            return timedOut;
        }

        var warm = request.InitialStates?.FirstOrDefault(s => s.Length == model.VariableCount);
        var simulator = new SimulatorOptions { MaxDegreeOfParallelism = _threads, MemoryLimitBytes = _options.MemoryLimitBytes };
        using var circuit = new QaoaCircuit(model, warm, _options.WarmStartEpsilon, simulator);
        var (angles, value, evaluations, depth) = OptimiseAngles(circuit, ShouldStop);

        circuit.Prepare(angles);
        var samples = Measure(circuit, model, request);
        _details = Report(circuit, angles, value, evaluations, depth, warm is not null, samples);
        return QuboSampleSet.From(samples, timedOut);
    }

    /// <summary>Why <paramref name="qubits"/> variables are too many for these options, with the numbers; null when they fit.</summary>
    public static string? QubitRefusal(int qubits, QaoaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.QubitLimit;
        if (qubits <= limit) return null;
        var bytesNeeded = SimulatorCapacity.BytesPerAmplitude(StatePrecision.Complex128) * Math.Pow(2, qubits);
        var memory = options.MaxQubits is null
            ? string.Create(CultureInfo.InvariantCulture, $" (a complex128 state of 2^{qubits} amplitudes needs {bytesNeeded:N0} bytes; the memory limit of {options.MemoryLimitBytes ?? SimulatorCapacity.DefaultMemoryLimitBytes:N0} bytes holds {limit} qubits)")
            : " (set by QaoaOptions.MaxQubits)";
        return $"it needs {qubits} qubits but the limit is {limit}{memory}";
    }

    private (double[] Angles, double Value, int Evaluations, int Depth) OptimiseAngles(QaoaCircuit circuit, Func<bool> shouldStop)
    {
        double Objective(double[] angles)
        {
            circuit.Prepare(angles);
            return _options.Objective == QaoaObjective.Cvar ? circuit.Cvar(_options.CvarAlpha) : circuit.Expectation();
        }

        if (_options.InitialAngles == QaoaInitialAngles.LinearRamp)
        {
            var result = NelderMead.Minimize(Objective, QaoaAngles.LinearRamp(_options.Layers), SimplexStep, _options.Layers * _options.MaxEvaluationsPerLayer, shouldStop);
            return (result.Point, result.Value, result.Evaluations, _options.Layers);
        }

        var best = NelderMead.Minimize(Objective, QaoaAngles.LinearRamp(1), SimplexStep, _options.MaxEvaluationsPerLayer, shouldStop);
        var (total, depth) = (best.Evaluations, 1);
        for (var p = 2; p <= _options.Layers && !shouldStop(); p++)
        {
            depth = p;
            var deeper = NelderMead.Minimize(Objective, QaoaAngles.Interpolate(best.Point), SimplexStep, _options.MaxEvaluationsPerLayer, shouldStop);
            total += deeper.Evaluations;
            // A deeper search cut short by the time limit, or stuck in a worse local optimum, can end above the shallower optimum.
            if (deeper.Value <= best.Value) best = deeper;
        }
        return (best.Point, best.Value, total, depth);
    }

    private List<QuboSample> Measure(QaoaCircuit circuit, QuboModel model, QuboSampleRequest request)
    {
        var samples = new List<QuboSample>();
        foreach (var k in circuit.Sample(_options.Shots, request.Seed).Distinct().Order())
        {
            var bits = new byte[model.VariableCount];
            for (var i = 0; i < bits.Length; i++) bits[i] = (byte)((k >> i) & 1);
            samples.Add(new QuboSample(bits, circuit.Energy(k)));
        }
        foreach (var start in request.InitialStates ?? [])
            if (start.Length == model.VariableCount) samples.Add(new QuboSample((byte[])start.Clone(), model.Energy(start)));
        return samples;
    }

    private Dictionary<string, string> Report(QaoaCircuit circuit, double[] angles, double value, int evaluations, int depth, bool warm, List<QuboSample> samples)
    {
        static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        var layers = angles.Length / 2;
        var best = samples.MinBy(s => s.Energy)!;
        long bestIndex = 0;
        for (var i = 0; i < best.Bits.Length; i++) bestIndex |= (long)best.Bits[i] << i;
        var (groundIndex, groundEnergy) = circuit.Ground;
        return new Dictionary<string, string>
        {
            ["qaoa.qubits"] = circuit.Qubits.ToString(CultureInfo.InvariantCulture),
            ["qaoa.layers"] = layers.ToString(CultureInfo.InvariantCulture),
            ["qaoa.layersOptimised"] = depth.ToString(CultureInfo.InvariantCulture),
            ["qaoa.gammas"] = string.Join(",", angles[..layers].Select(Format)),
            ["qaoa.betas"] = string.Join(",", angles[layers..].Select(Format)),
            ["qaoa.costScale"] = Format(circuit.CostScale),
            ["qaoa.objective"] = _options.Objective == QaoaObjective.Cvar ? $"cvar-{Format(_options.CvarAlpha)}" : "expectation",
            ["qaoa.objectiveValue"] = Format(value),
            ["qaoa.expectation"] = Format(circuit.Expectation()),
            ["qaoa.groundEnergy"] = Format(groundEnergy),
            ["qaoa.groundStateProbability"] = Format(circuit.Probability(groundIndex)),
            ["qaoa.bestSampleEnergy"] = Format(best.Energy),
            ["qaoa.bestSampleProbability"] = Format(circuit.Probability(bestIndex)),
            ["qaoa.evaluations"] = evaluations.ToString(CultureInfo.InvariantCulture),
            ["qaoa.shots"] = _options.Shots.ToString(CultureInfo.InvariantCulture),
            ["qaoa.warmStart"] = warm ? $"regularised, ε = {Format(_options.WarmStartEpsilon)}" : "none",
        };
    }
}
