using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Runtime.Client.Gateways;

namespace QuantumScheduler.Runtime.Client;

/// <summary>Choosing the client's gateways and configuring it.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Uses a fixed list of gateways (<c>host:port</c>), added to any in <c>QuantumScheduler:Client:StaticGateways</c>.</summary>
    public static IClientBuilder UseStaticGateways(this IClientBuilder builder, params string[] gateways)
    {
        builder.Services.AddOptions<StaticGatewayListOptions>()
            .Bind(builder.Configuration.GetSection(StaticGatewayListOptions.SectionName))
            .Configure(options => options.Gateways.AddRange(gateways))
            .ValidateOnStart();
        return UseGatewayListProvider<StaticGatewayListProvider>(builder);
    }

    /// <summary>Reads the gateways from the cluster's PostgreSQL membership table (every Active silo with a gateway port).
    /// Options bind from <c>QuantumScheduler:Client:PostgreSql</c>; <paramref name="configure"/> runs after.</summary>
    public static IClientBuilder UsePostgreSqlGatewayList(this IClientBuilder builder, Action<PostgreSqlGatewayListOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<PostgreSqlGatewayListOptions>()
            .Bind(builder.Configuration.GetSection(PostgreSqlGatewayListOptions.SectionName))
            .ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        return UseGatewayListProvider<PostgreSqlGatewayListProvider>(builder);
    }

    /// <summary>Adds an outgoing call filter for calls made through this client; filters run in the order they are added.</summary>
    public static IClientBuilder AddOutgoingGrainCallFilter<TFilter>(this IClientBuilder builder) where TFilter : class, IOutgoingGrainCallFilter
    {
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    public static IClientBuilder Configure<TOptions>(this IClientBuilder builder, Action<TOptions> configure) where TOptions : class
    {
        builder.Services.Configure(configure);
        return builder;
    }

    private static IClientBuilder UseGatewayListProvider<TProvider>(IClientBuilder builder) where TProvider : class, IGatewayListProvider
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<IGatewayListProvider, TProvider>());
        return builder;
    }
}
