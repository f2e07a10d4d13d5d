namespace QuantumScheduler.Runtime;

/// <summary>The entry point for code outside grains: a grain factory bound to a cluster. Inside a silo
/// process it is co-hosted and routes calls through the silo itself.</summary>
public interface IClusterClient : IGrainFactory
{
    IServiceProvider ServiceProvider { get; }
}
