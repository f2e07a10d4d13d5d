using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Client.Gateways;
using QuantumScheduler.Runtime.Client.Messaging;
using QuantumScheduler.Runtime.GrainReferences;
using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Client;

/// <summary>Hosting entry points of the external client, in the ASP.NET Core style.</summary>
public static class ClientServiceCollectionExtensions
{
    /// <summary>
    /// Runs an external cluster client in this host:
    /// <c>builder.UseQuantumSchedulerClient(client =&gt; client.UsePostgreSqlGatewayList(o =&gt; o.ConnectionString = "…"))</c>.
    /// The client connects to a gateway when the host starts (the start fails if none answers within
    /// <see cref="ClientOptions.InitialConnectTimeout"/>); resolve <see cref="IClusterClient"/> to call grains.
    /// </summary>
    public static TBuilder UseQuantumSchedulerClient<TBuilder>(this TBuilder builder, Action<IClientBuilder> configure)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddQuantumSchedulerClient(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Adds an external <see cref="IClusterClient"/> to <paramref name="services"/>; <paramref name="configure"/> must
    /// choose a gateway list (<see cref="ClientBuilderExtensions.UseStaticGateways"/> or
    /// <see cref="ClientBuilderExtensions.UsePostgreSqlGatewayList"/>).</summary>
    public static IServiceCollection AddQuantumSchedulerClient(this IServiceCollection services, IConfiguration? configuration, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configuration ??= new ConfigurationBuilder().Build();
        if (services.Any(static service => service.ServiceType == typeof(ClientConnector)))
            throw new InvalidOperationException("A cluster client is already added to this service collection.");
        if (services.Any(static service => service.ServiceType == typeof(IClusterClient)))
            throw new InvalidOperationException("This service collection already has an IClusterClient (a silo's co-hosted client?); a silo process calls grains through it, not through an external client.");

        services.AddOptions<ClientOptions>().Bind(configuration.GetSection(ClientOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientOptions>, ClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StaticGatewayListOptions>, ClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlGatewayListOptions>, ClientOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<GatewayManager>();
        services.AddSingleton<ClusterManifest>();
        services.AddSingleton<GatewayConnector>();
        services.AddSingleton<ClientGrainReferenceRuntime>();
        services.AddSingleton<IGrainReferenceRuntime>(static sp => sp.GetRequiredService<ClientGrainReferenceRuntime>());
        services.AddSingleton<IGrainFactory>(static sp => new GrainFactory(sp.GetRequiredService<ClusterManifest>(), sp.GetRequiredService<ClientGrainReferenceRuntime>()));
        services.AddSingleton<IClusterClient>(static sp => new ClusterClient(sp.GetRequiredService<IGrainFactory>(), sp));

        configure(new ClientBuilder(services, configuration));
        if (!services.Any(static service => service.ServiceType == typeof(IGatewayListProvider)))
            throw new InvalidOperationException(
                "The cluster client has no gateway list: call UsePostgreSqlGatewayList(...) or UseStaticGateways(\"host:port\", ...) in its configuration.");

        services.AddSingleton<ClientConnector>();
        services.AddHostedService(static sp => sp.GetRequiredService<ClientConnector>());
        return services;
    }
}
