using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Gateways;

/// <summary>The gateways of <see cref="StaticGatewayListOptions"/>, always all of them: the client finds out by
/// connecting which ones are up.</summary>
internal sealed class StaticGatewayListProvider(IOptions<StaticGatewayListOptions> options) : IGatewayListProvider
{
    private readonly IReadOnlyList<SiloEndpoint> _gateways = options.Value.Gateways.Select(Parse).ToList();

    public string Description => $"the static list {string.Join(", ", _gateways)}";

    public Task<IReadOnlyList<SiloEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken) => Task.FromResult(_gateways);

    // The validator has reported malformed entries before the provider is created.
    private static SiloEndpoint Parse(string text) =>
        SiloEndpoint.TryParse(text, out var endpoint) ? endpoint : throw new FormatException($"\"{text}\" is not host:port.");
}
