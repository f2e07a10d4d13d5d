using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuantumScheduler.Client;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Client;

namespace QuantumScheduler.Cli.Connection;

/// <summary>The runtime's external client connected to a running cluster through a gateway (<c>--gateway</c>).</summary>
internal sealed class GatewayConnection(IHost host) : IClusterSession
{
    /// <summary>How long qs tries to reach the gateway before giving up unless <c>--connect-timeout</c> says otherwise
    /// (the client's own default is 30 s, long for a command line).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    public QuantumSchedulerClient Client { get; } = new(host.Services.GetRequiredService<IClusterClient>());

    public bool IsEmbedded => false;

    public static async Task<GatewayConnection> ConnectAsync(string gateway, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            var builder = CliHost.CreateBuilder();
            builder.UseQuantumSchedulerClient(client => client.UseStaticGateways(gateway));
            builder.Services.Configure<ClientOptions>(options => options.InitialConnectTimeout = connectTimeout);
            host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new GatewayConnection(host);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host?.Dispose();
            throw new CannotConnectException($"Cannot connect to the gateway {gateway}: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
    }
}
