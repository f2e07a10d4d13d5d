using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Persistence;
using QuantumScheduler.Runtime.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers grain persistence: the <see cref="IPersistentStateFactory"/> and in-memory storage providers.</summary>
public static class GrainStorageServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="IPersistentStateFactory"/> that binds <c>[PersistentState]</c> parameters to
    /// keyed <see cref="IGrainStorage"/> providers. Every storage registration calls it; calling it twice is harmless.</summary>
    public static IServiceCollection AddGrainPersistence(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        return services;
    }

    /// <summary>Adds an <see cref="InMemoryGrainStorage"/> named <paramref name="name"/> ("Default" unless given).
    /// Its state is lost when the process ends: for tests and throw-away silos.</summary>
    public static IServiceCollection AddInMemoryGrainStorage(this IServiceCollection services, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddGrainPersistence();
        services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new InMemoryGrainStorage(name));
        return services;
    }
}
