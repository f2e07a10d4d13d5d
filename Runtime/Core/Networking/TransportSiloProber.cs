using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>Probes silos with a ping frame over the silo-to-silo connection (dialling it if needed).</summary>
internal sealed class TransportSiloProber(SiloConnectionManager transport) : ISiloProber
{
    public async Task<bool> ProbeAsync(SiloAddress target, int probeNumber, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var answeredBy = await transport.PingAsync(target, timeout, cancellationToken);
        return answeredBy != 0 && (target.Generation == 0 || answeredBy == target.Generation);
    }
}
