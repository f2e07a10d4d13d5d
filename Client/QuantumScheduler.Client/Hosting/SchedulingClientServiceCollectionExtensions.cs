using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Client;
using QuantumScheduler.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <see cref="QuantumSchedulerClient"/> in a service collection.</summary>
public static class SchedulingClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="QuantumSchedulerClient"/> over the container's <see cref="IClusterClient"/>: the
    /// co-hosted client of a silo in the same host, or the runtime's external client (<c>UseQuantumSchedulerClient(client
    /// =&gt; client.UseStaticGateways("host:port"))</c> from <c>QuantumScheduler.Runtime.Client</c>). Configure it with
    /// <paramref name="configure"/> or bind <see cref="QuantumSchedulerClientOptions"/> from
    /// <see cref="QuantumSchedulerClientOptions.SectionName"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; null: the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSchedulingClient(this IServiceCollection services, Action<QuantumSchedulerClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QuantumSchedulerClientOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(static provider => new QuantumSchedulerClient(
            provider.GetRequiredService<IClusterClient>(),
            provider.GetRequiredService<IOptions<QuantumSchedulerClientOptions>>().Value));
        return services;
    }
}
