using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Runtime.Configuration;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>Common silo configuration steps.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds a silo-wide incoming call filter; filters run in the order they are added.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IIncomingGrainCallFilter
    {
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, IIncomingGrainCallFilter filter)
    {
        builder.Services.AddSingleton(filter);
        return builder;
    }

    /// <summary>Adds an outgoing call filter for calls made from this silo; filters run in the order they are added.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder) where TFilter : class, IOutgoingGrainCallFilter
    {
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter(this ISiloBuilder builder, IOutgoingGrainCallFilter filter)
    {
        builder.Services.AddSingleton(filter);
        return builder;
    }

    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure) where TOptions : class
    {
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Sets the silo's name (logs, metrics).</summary>
    public static ISiloBuilder UseSiloName(this ISiloBuilder builder, string siloName) =>
        builder.Configure<SiloOptions>(options => options.SiloName = siloName);

    /// <summary>Replaces a default engine service, e.g. the placement director or the grain directory.</summary>
    public static ISiloBuilder Replace<TService, TImplementation>(this ISiloBuilder builder)
        where TService : class where TImplementation : class, TService
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<TService, TImplementation>());
        return builder;
    }
}
