using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// The state vector for one precision: interleaved (re, im) amplitudes of type <typeparamref name="T"/> in aligned
/// native memory, dispatching each operation to the SIMD or the portable kernel.
/// </summary>
internal sealed unsafe class StateVector<T, TLanes> : QuantumState
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    /// <summary>Smallest state the SIMD kernels handle: every pass needs at least two whole vectors.</summary>
    private const int MinSimdQubits = 3;

    private readonly NativeBuffer _buffer;
    private readonly ChunkedParallel _parallel;
    private readonly SegmentShape _shape;
    private readonly nint _length;

    public StateVector(int qubits, StatePrecision precision, SimulatorOptions options)
        : base(qubits, precision, options)
    {
        _length = (nint)1 << qubits;
        _shape = SegmentShape.For(qubits, 2 * sizeof(T), options);
        _buffer = new NativeBuffer(_shape.BytesRequired(qubits, 2 * sizeof(T)));
        _parallel = new ChunkedParallel(qubits, options, ChunkUnitsWithin(_shape));
        UsesSimd = options.UseSimd && IsSimdSupported && qubits >= MinSimdQubits;
        ResetCore(0);
    }

    public override bool UsesSimd { get; }

    private AmplitudeLayout<T> Amplitudes => new((T*)_buffer.Pointer, _shape);

    public override void PrepareUniformSuperposition() => _parallel.Run(new FillBody<T>(Amplitudes, Math.Pow(2, -Qubits / 2.0)), _length);

    public override double SquaredNorm() => UsesSimd
        ? _parallel.Reduce<VectorWeightedNormBody<T, TLanes>, double>(new(Amplitudes, null), VectorWeightedNormBody<T, TLanes>.Units(Qubits))
        : _parallel.Reduce<ScalarWeightedNormBody<T>, double>(new(Amplitudes, null), _length);

    public override void Normalize()
    {
        var squaredNorm = SquaredNorm();
        if (!(squaredNorm > 0))
        {
            throw new InvalidOperationException("Cannot normalise the zero vector.");
        }

        _parallel.Run(new CollapseBody<T>(Amplitudes, -1, 0, 1 / Math.Sqrt(squaredNorm)), _length);
    }

    protected override void Dispose(bool disposing) => _buffer.Dispose();

    private protected override void ResetCore(long basisState)
    {
        _parallel.Run(new FillBody<T>(Amplitudes, 0), _length);
        *Amplitudes.At((nint)basisState) = T.One;
    }

    private protected override void SetAmplitudesCore(ReadOnlySpan<Complex> amplitudes)
    {
        var layout = Amplitudes;
        for (var k = 0; k < amplitudes.Length; k++)
        {
            var at = layout.At(k);
            at[0] = T.CreateTruncating(amplitudes[k].Real);
            at[1] = T.CreateTruncating(amplitudes[k].Imaginary);
        }
    }

    private protected override Complex GetAmplitudeCore(long basisState)
    {
        var at = Amplitudes.At((nint)basisState);
        return new(double.CreateTruncating(at[0]), double.CreateTruncating(at[1]));
    }

    private protected override void ApplyCore(SingleQubitMatrix u, int qubit)
    {
        if (!UsesSimd)
        {
            _parallel.Run(new ScalarGateBody<T>(Amplitudes, qubit, u), ScalarGateBody<T>.Units(Qubits));
            return;
        }

        switch (MatrixShape.Of(u))
        {
            case MatrixShapeKind.Real: ApplyVector<RealShape>(u, qubit); break;
            case MatrixShapeKind.RotationX: ApplyVector<RotationXShape>(u, qubit); break;
            default: ApplyVector<GeneralShape>(u, qubit); break;
        }
    }

    private protected override void ApplyPairCore(SingleQubitMatrix ua, int a, SingleQubitMatrix ub, int b)
    {
        if (!UsesSimd)
        {
            ApplyCore(ua, a);
            ApplyCore(ub, b);
            return;
        }

        switch (MatrixShape.Of(ua, ub))
        {
            case MatrixShapeKind.Real: ApplyPairVector<RealShape>(ua, a, ub, b); break;
            case MatrixShapeKind.RotationX: ApplyPairVector<RotationXShape>(ua, a, ub, b); break;
            default: ApplyPairVector<GeneralShape>(ua, a, ub, b); break;
        }
    }

    private protected override void ApplyControlledCore(SingleQubitMatrix u, int control, int target) =>
        _parallel.Run(new ControlledGateBody<T>(Amplitudes, control, target, u), ControlledGateBody<T>.Units(Qubits));

    private protected override void ApplyTwoQubitDiagonalCore(int a, int b, Complex p00, Complex p01, Complex p10, Complex p11) =>
        _parallel.Run(new TwoQubitDiagonalBody<T>(Amplitudes, a, b, p00, p01, p10, p11), _length);

    private protected override void SwapCore(int a, int b) =>
        _parallel.Run(new SwapBody<T>(Amplitudes, a, b), _length >> 2);

    private protected override void ApplyCostPhaseCore(CostVector cost, double gamma)
    {
        if (cost.Table is { } table)
        {
            fixed (double* phases = table.Phases(gamma))
            {
                if (table.IndexBytes == 1)
                {
                    ApplyTableCostPhase<ByteCostIndex>(table.Indices, phases);
                }
                else
                {
                    ApplyTableCostPhase<UInt16CostIndex>(table.Indices, phases);
                }
            }
        }
        else if (UsesSimd)
        {
            _parallel.Run(new VectorCostPhaseBody<T, TLanes>(Amplitudes, cost.Data, gamma), VectorCostPhaseBody<T, TLanes>.Units(Qubits));
        }
        else
        {
            _parallel.Run(new ScalarCostPhaseBody<T>(Amplitudes, cost.Data, gamma), _length);
        }
    }

    private protected override void ApplyQuboPhaseCore(QuboDiagonal qubo, double gamma)
    {
        var blocks = qubo.Blocks;
        var lowCos = new double[blocks.BlockLength];
        var lowSin = new double[blocks.BlockLength];
        for (var k = 0; k < blocks.BlockLength; k++)
        {
            (lowSin[k], lowCos[k]) = Math.SinCos(gamma * blocks.LowCost[k]);
        }

        fixed (double* cos = lowCos, sin = lowSin)
        {
            var body = new QuboPhaseBody<T, TLanes>(Amplitudes, blocks, cos, sin, gamma, UsesSimd);
            _parallel.Run(body, _length >> blocks.LowBits, chunkUnits: 16);
        }
    }

    private protected override double ExpectationCore(CostVector cost)
    {
        if (cost.Table is { } table)
        {
            fixed (double* values = table.Values)
            {
                return table.IndexBytes == 1 ? TableExpectation<ByteCostIndex>(table.Indices, values) : TableExpectation<UInt16CostIndex>(table.Indices, values);
            }
        }

        return UsesSimd
            ? _parallel.Reduce<VectorWeightedNormBody<T, TLanes>, double>(new(Amplitudes, cost.Data), VectorWeightedNormBody<T, TLanes>.Units(Qubits))
            : _parallel.Reduce<ScalarWeightedNormBody<T>, double>(new(Amplitudes, cost.Data), _length);
    }

    private protected override void CopyProbabilitiesCore(Span<double> target)
    {
        fixed (double* pointer = target)
        {
            _parallel.Run(new ProbabilitiesBody<T>(Amplitudes, pointer), _length);
        }
    }

    /// <summary>
    /// Chunk size that keeps every chunk inside one segment: a unit spans at most four vectors of 2^LaneBits
    /// amplitudes and up to two target bits inserted into its index widen its window four-fold (2^(LaneBits + 4)).
    /// </summary>
    private static int ChunkUnitsWithin(SegmentShape shape) =>
        (int)Math.Min(ChunkedParallel.DefaultChunkUnits, shape.SegmentAmplitudes >> (TLanes.LaneBits + 4));

    private void ApplyVector<TShape>(SingleQubitMatrix u, int qubit)
        where TShape : struct, IMatrixShape
    {
        if (qubit < TLanes.LaneBits)
        {
            _parallel.Run(new InRegisterGateBody<T, TLanes, TShape>(Amplitudes, qubit, u), InRegisterGateBody<T, TLanes, TShape>.Units(Qubits));
        }
        else
        {
            _parallel.Run(new CrossGateBody<T, TLanes, TShape>(Amplitudes, qubit, u), CrossGateBody<T, TLanes, TShape>.Units(Qubits));
        }
    }

    private void ApplyPairVector<TShape>(SingleQubitMatrix ua, int a, SingleQubitMatrix ub, int b)
        where TShape : struct, IMatrixShape
    {
        var body = new FusedPairBody<T, TLanes, TShape>(Amplitudes, a, ua, b, ub);
        _parallel.Run(body, body.Units(Qubits));
    }

    private protected override long[] SampleCore(int shots, int seed) => BasisSampler<T>.Sample(Amplitudes, _length, _parallel, shots, seed);

    private protected override int MeasureQubitCore(int qubit, Random random)
    {
        var total = _parallel.Reduce<ScalarWeightedNormBody<T>, double>(new(Amplitudes, null), _length);
        var one = _parallel.Reduce<QubitOneProbabilityBody<T>, double>(new(Amplitudes, qubit), _length >> 1);
        if (!(total > 0))
        {
            throw new InvalidOperationException("Cannot measure the zero vector.");
        }

        var outcome = random.NextDouble() * total < one ? 1 : 0;
        var kept = outcome == 1 ? one : total - one;
        _parallel.Run(new CollapseBody<T>(Amplitudes, qubit, outcome, 1 / Math.Sqrt(kept)), _length);
        return outcome;
    }

    private protected override Complex InnerProductCore(QuantumState other) =>
        _parallel.Reduce<InnerProductBody<T>, Complex>(new(Amplitudes, ((StateVector<T, TLanes>)other).Amplitudes), _length);

    private void ApplyTableCostPhase<TIndex>(void* indices, double* phases)
        where TIndex : struct, ICostIndex
    {
        if (UsesSimd)
        {
            _parallel.Run(new VectorTableCostPhaseBody<T, TLanes, TIndex>(Amplitudes, indices, phases), VectorTableCostPhaseBody<T, TLanes, TIndex>.Units(Qubits));
        }
        else
        {
            _parallel.Run(new ScalarTableCostPhaseBody<T, TIndex>(Amplitudes, indices, phases), _length);
        }
    }

    private double TableExpectation<TIndex>(void* indices, double* values)
        where TIndex : struct, ICostIndex => UsesSimd
        ? _parallel.Reduce<VectorTableExpectationBody<T, TLanes, TIndex>, double>(new(Amplitudes, indices, values), VectorTableExpectationBody<T, TLanes, TIndex>.Units(Qubits))
        : _parallel.Reduce<ScalarTableExpectationBody<T, TIndex>, double>(new(Amplitudes, indices, values), _length);
}
