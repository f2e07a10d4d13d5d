using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Client.Gateways;
using QuantumScheduler.Runtime.Client.Messaging;

namespace QuantumScheduler.Runtime.Client;

/// <summary>Connects the client when its host starts (so <c>GetGrain</c> knows the cluster's grain classes) and closes
/// its connection when the host stops.</summary>
internal sealed partial class ClientConnector(
    GatewayManager gateways,
    GatewayConnector connector,
    ClientGrainReferenceRuntime runtime,
    IGatewayListProvider provider,
    IOptions<ClientOptions> options,
    ILogger<ClientConnector> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.InitialConnectTimeout;
        await ReadGatewayListAsync(deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            await connector.GetConnectionAsync(runtime.Codec, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (SiloUnavailableException exception)
        {
            throw new InvalidOperationException(
                $"The cluster client could not connect to any gateway from {provider.Description} within {options.Value.InitialConnectTimeout} " +
                $"({ClientOptions.SectionName}:InitialConnectTimeout): {exception.Message}", exception);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await connector.DisposeAsync().ConfigureAwait(false);
        await gateways.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The table may not exist yet when the client starts with the cluster: keep trying until the deadline.</summary>
    private async Task ReadGatewayListAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await gateways.StartAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                LogListUnavailable(logger, provider.Description, exception.Message);
                await Task.Delay(options.Value.RetryDelay * 10, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway list from {Source} cannot be read yet ({Reason}); retrying.")]
    private static partial void LogListUnavailable(ILogger logger, string source, string reason);
}
