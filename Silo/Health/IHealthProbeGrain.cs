using QuantumScheduler.Runtime;

namespace QuantumScheduler.Silo.Health;

/// <summary>A grain the health endpoint calls, so "healthy" means a call made it through activation, state
/// and the message path, not just that the process answers HTTP.</summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Counts one probe and returns how many this silo's probe grain has answered, ever.</summary>
    Task<long> Probe();
}
