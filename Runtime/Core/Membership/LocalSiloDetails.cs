using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>The details of this process's <see cref="LocalSilo"/>, read at the moment they are asked for (the
/// transport binds the endpoint during start).</summary>
public sealed class LocalSiloDetails(LocalSilo silo, Func<int?> gatewayPort) : ILocalSiloDetails
{
    public SiloAddress Address => silo.Address;

    public int? GatewayPort => gatewayPort();
}
