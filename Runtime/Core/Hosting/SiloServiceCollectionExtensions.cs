using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.GrainReferences;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;
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

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton<LocalSilo>();
        services.TryAddSingleton(static sp => new RuntimeInstruments(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<LocalSilo>().Name));
        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<IGrainTypeResolver>(static sp => sp.GetRequiredService<GrainClassRegistry>());
        services.TryAddSingleton<IGrainDirectory, LocalGrainDirectory>();
        services.TryAddSingleton<IPlacementDirector, PreferLocalPlacementDirector>();
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

    private static void AddOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section) where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
}
