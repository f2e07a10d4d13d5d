namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>An element-wise pass over the work units [start, end); chunks may run in any order and on any thread.</summary>
internal interface IChunkBody
{
    void Execute(nint start, nint end);
}

/// <summary>A reduction over the work units [start, end), combined in chunk order so the total never depends on threads.</summary>
internal interface IReductionBody<TResult>
{
    TResult Execute(nint start, nint end);
}
