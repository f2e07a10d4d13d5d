using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.Gateway;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.GrainReferences;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Placement;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Telemetry;
using QuantumScheduler.Runtime.Timers;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>Hosting entry points, in the ASP.NET Core style.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Runs a silo in this host: <c>builder.UseQuantumSchedulerSilo(silo =&gt; silo.AddSqliteGrainStorage(...))</c>.
    /// Options bind from the host's configuration (<c>QuantumScheduler:Silo</c>, <c>:Messaging</c>,
    /// <c>:GrainCollection</c>) and are validated when the host starts.
    /// </summary>
    public static TBuilder UseQuantumSchedulerSilo<TBuilder>(this TBuilder builder, Action<ISiloBuilder>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddQuantumSchedulerSilo(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Adds a silo (and its co-hosted <see cref="IClusterClient"/>) to <paramref name="services"/>.</summary>
    public static IServiceCollection AddQuantumSchedulerSilo(this IServiceCollection services, IConfiguration? configuration = null, Action<ISiloBuilder>? configure = null)
    {
        configuration ??= new ConfigurationBuilder().Build();
        if (services.Any(static service => service.ServiceType == typeof(Silo)))
            throw new InvalidOperationException("A silo is already added to this service collection.");

        AddOptions<SiloOptions>(services, configuration, SiloOptions.SectionName);
        AddOptions<MessagingOptions>(services, configuration, MessagingOptions.SectionName);
        AddOptions<GrainCollectionOptions>(services, configuration, GrainCollectionOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, RuntimeOptionsValidator>());
        AddOptions<EndpointOptions>(services, configuration, EndpointOptions.SectionName);
        AddOptions<ClusterOptions>(services, configuration, ClusterOptions.SectionName);
        AddOptions<TransportOptions>(services, configuration, TransportOptions.SectionName);
        AddOptions<PlacementOptions>(services, configuration, PlacementOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EndpointOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TransportOptions>, RuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlacementOptions>, RuntimeOptionsValidator>());

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<LocalSilo>();
        services.TryAddSingleton(static sp => new RuntimeInstruments(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<LocalSilo>().Name));
        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<IGrainTypeResolver>(static sp => sp.GetRequiredService<GrainClassRegistry>());
        services.TryAddSingleton<IGrainDirectory, LocalGrainDirectory>();
        AddPlacement(services);
        AddTransport(services);
        services.TryAddSingleton<SerializerFactory>(static _ => static runtime => new Serializer(runtime));

        services.TryAddSingleton<ResponseCallbacks>();
        services.TryAddSingleton<MessageCenter>();
        services.TryAddSingleton<GrainReferenceRuntime>();
        services.TryAddSingleton<IGrainReferenceRuntime>(static sp => sp.GetRequiredService<GrainReferenceRuntime>());
        services.TryAddSingleton<ISerializer>(static sp => sp.GetRequiredService<GrainReferenceRuntime>().Serializer);
        services.TryAddSingleton<ActivationDependencies>();
        services.TryAddSingleton<Catalog>();
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<ITimerRegistry, TimerRegistry>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton<IClusterClient>(static sp => new ClusterClient(sp.GetRequiredService<IGrainFactory>(), sp));

        services.AddGateway();

        configure?.Invoke(new SiloBuilder(services, configuration));

        // Added last so it starts after the providers it depends on (schema creation) and stops first.
        services.AddSingleton(static sp => new Silo(
            sp.GetRequiredService<LocalSilo>(),
            sp.GetRequiredService<Catalog>(),
            sp.GetRequiredService<ActivationCollector>(),
            sp.GetRequiredService<ResponseCallbacks>(),
            sp.GetRequiredService<GrainClassRegistry>(),
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetRequiredService<ILogger<Silo>>(),
            sp.GetServices<ISiloLifecycleParticipant>(),
            sp.GetRequiredService<IGrainDirectory>()));
        services.AddHostedService(static sp => sp.GetRequiredService<Silo>());

        return services;
    }

    private static void AddPlacement(IServiceCollection services)
    {
        services.TryAddKeyedSingleton<IPlacementDirector, RandomPlacementDirector>(PlacementStrategies.Random);
        services.TryAddKeyedSingleton<IPlacementDirector, PreferLocalPlacementDirector>(PlacementStrategies.PreferLocal);
        services.TryAddKeyedSingleton<IPlacementDirector, HashBasedPlacementDirector>(PlacementStrategies.HashBased);
        services.TryAddKeyedSingleton<IPlacementDirector, ResourceOptimizedPlacementDirector>(PlacementStrategies.ResourceOptimized);
        services.TryAddSingleton<SiloLoadTable>();
        services.TryAddSingleton<DepartingSilos>();
        services.TryAddSingleton<PlacementService>();
    }

    /// <summary>The cluster's data path. Registered in every silo; it does nothing unless
    /// <c>QuantumScheduler:Endpoints:SiloPort</c> is set, so an embedded silo's calls never touch it.</summary>
    private static void AddTransport(IServiceCollection services)
    {
        services.TryAddSingleton<MessageFrameCodec>();
        services.TryAddSingleton<SiloConnectionManager>();
        services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<SiloConnectionManager>());
        services.TryAddSingleton<ISiloProber, TransportSiloProber>();
        services.TryAddSingleton<DirectoryCache>();
        services.TryAddSingleton<MessageRouter>();
        services.TryAddSingleton<StaticClusterMembershipView>();
        services.TryAddSingleton<IClusterMembershipView>(static sp => sp.GetRequiredService<StaticClusterMembershipView>());
        services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<StaticClusterMembershipView>());
    }

    private static void AddOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section) where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
}
