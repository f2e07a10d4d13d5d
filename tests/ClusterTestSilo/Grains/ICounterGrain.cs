using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>A persisted counter: the test's measure of "no acknowledged write is lost".</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and returns the new value, only after the state holding it is written.</summary>
    Task<long> Increment();

    /// <summary>The current value.</summary>
    Task<long> Get();

    /// <summary>The name of the silo this activation lives on.</summary>
    Task<string> GetSiloName();
}
