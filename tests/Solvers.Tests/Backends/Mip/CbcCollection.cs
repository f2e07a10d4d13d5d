namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

/// <summary>
/// CBC solves run one at a time per process (see CbcSolveGate), so test classes that solve with CBC share this
/// collection: run in parallel they would only queue, and queueing counts against each solve's time limit.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CbcCollection
{
    public const string Name = "CBC solves";
}
