namespace QuantumScheduler.Cli.Connection;

/// <summary>The connector of the real command line: an in-process silo for <c>--embedded</c>, otherwise the gateway of
/// a running cluster.</summary>
internal sealed class ClusterConnector : IClusterConnector
{
    public async Task<IClusterSession> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Embedded)
            return await EmbeddedSilo.StartAsync(settings.DataDirectory, cancellationToken).ConfigureAwait(false);

        if (string.IsNullOrWhiteSpace(settings.Gateway))
            throw new CannotConnectException(
                $"No cluster given: pass --gateway host:port (or set {GlobalOptions.GatewayVariable}) to use a running cluster, or --embedded to run a silo in this process.");

        return await GatewayConnection.ConnectAsync(settings.Gateway, settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
    }
}
