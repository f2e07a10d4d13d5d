using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>A grain that records each of its activations in <see cref="TestTables.Activations"/>, so a test proves
/// "one activation per grain" from the grains' side rather than trusting the directory.</summary>
public interface IActivationRecorderGrain : IGrainWithStringKey
{
    /// <summary>Returns the name of the silo this activation lives on.</summary>
    Task<string> Ping();
}
