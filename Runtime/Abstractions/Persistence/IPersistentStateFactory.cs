namespace QuantumScheduler.Runtime;

/// <summary>Creates the <see cref="IPersistentState{TState}"/> for a <c>[PersistentState]</c> constructor
/// parameter; the state is read before <c>OnActivateAsync</c>.</summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(IGrainContext context, string stateName, string? storageName);
}
