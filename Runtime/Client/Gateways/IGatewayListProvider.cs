using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Gateways;

/// <summary>Where the client learns which gateways exist: the membership table or a static list.</summary>
public interface IGatewayListProvider
{
    /// <summary>What the log says about the source, e.g. "the membership table of cluster 'default' in 127.0.0.1:5432/db".</summary>
    string Description { get; }

    /// <summary>The gateways currently serving; empty when none is.</summary>
    Task<IReadOnlyList<SiloEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken);
}
