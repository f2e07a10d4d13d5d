using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence;

/// <summary>
/// Creates the <see cref="PersistentState{TState}"/> for a <c>[PersistentState]</c> constructor parameter: finds
/// the storage provider by name among the keyed <see cref="IGrainStorage"/> services ("Default" when unnamed) and
/// subscribes the state to the activation so it is read before <c>OnActivateAsync</c>.
/// </summary>
public sealed class PersistentStateFactory : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(IGrainContext context, string stateName, string? storageName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        var providerName = storageName ?? GrainStorageNames.Default;
        var services = context.ActivationServices;
        var storage = services.GetKeyedService<IGrainStorage>(providerName)
            ?? throw new InvalidOperationException(
                $"No grain storage provider named '{providerName}' is registered, but state '{stateName}' of grain '{context.GrainId}' needs it. " +
                $"Register one, for example services.AddSqliteGrainStorage(\"{providerName}\", ...) or services.AddInMemoryGrainStorage(\"{providerName}\").");
        var serializer = services.GetRequiredService<ISerializer>();

        var state = new PersistentState<TState>(stateName, context.GrainId, storage, serializer);
        context.Subscribe(state);
        return state;
    }
}
