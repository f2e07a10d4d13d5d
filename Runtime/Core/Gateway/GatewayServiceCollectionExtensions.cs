using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>Registers the gateway in every silo; it listens only when <c>QuantumScheduler:Endpoints:GatewayPort</c> is set.</summary>
internal static class GatewayServiceCollectionExtensions
{
    public static void AddGateway(this IServiceCollection services)
    {
        services.TryAddSingleton<GatewayCallInvoker>();
        services.TryAddSingleton<ClientGateway>();
        services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<ClientGateway>());
        // The membership row announces the port the gateway actually listens on (port 0 picks one at start).
        services.TryAddSingleton<ILocalSiloDetails>(static sp =>
        {
            var gateway = sp.GetRequiredService<ClientGateway>();
            return new LocalSiloDetails(sp.GetRequiredService<LocalSilo>(), () => gateway.Endpoint?.Port);
        });
    }
}
