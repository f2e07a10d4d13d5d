using System.Collections.Concurrent;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Placement;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// The activations of this silo by grain id, and where requests find them. A request for a grain without
/// an activation creates one; concurrent first calls race on one dictionary insert, so exactly one
/// activation wins and every request runs on it.
/// </summary>
internal sealed class Catalog : IPlacementContext
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _statelessWorkers = new();
    private readonly GrainClassRegistry _grainClasses;
    private readonly ActivationDependencies _dependencies;
    private readonly IPlacementDirector _placement;
    private readonly Action<ActivationData> _onRemoved;

    public Catalog(GrainClassRegistry grainClasses, ActivationDependencies dependencies, IPlacementDirector placement)
    {
        _grainClasses = grainClasses;
        _dependencies = dependencies;
        _placement = placement;
        _onRemoved = OnRemoved;
        dependencies.Instruments.ObserveQueueLengths(() => Activations);
    }

    public GrainDirectory.SiloAddress LocalSilo => _dependencies.SiloAddress;

    /// <summary>Every live activation, including stateless workers.</summary>
    public IEnumerable<ActivationData> Activations
    {
        get
        {
            foreach (var activation in _activations.Values)
                yield return activation;
            foreach (var group in _statelessWorkers.Values)
            {
                foreach (var worker in group.Workers)
                    yield return worker;
            }
        }
    }

    public int Count => _activations.Count + _statelessWorkers.Values.Sum(static group => group.Workers.Count);

    public IEnumerable<StatelessWorkerGroup> StatelessWorkerGroups => _statelessWorkers.Values;

    public void Deliver(Message message)
    {
        if (message.IsAbandoned)
            return;
        var grainId = message.TargetGrain;
        if (!_grainClasses.TryGet(grainId.Type, out var grainClass))
        {
            _dependencies.MessageCenter.Reject(message, new InvalidOperationException(
                $"No grain class has grain type \"{grainId.Type}\" (target {grainId}); is its assembly loaded and built with the code generator?"), "unknown-grain-type");
            return;
        }

        if (grainClass.StatelessWorkerMaxLocal is { } maxLocal)
        {
            _statelessWorkers.GetOrAdd(grainId, static (id, state) => new StatelessWorkerGroup(id, state.grainClass, state.maxLocal, state.catalog),
                (grainClass, maxLocal: maxLocal > 0 ? maxLocal : Environment.ProcessorCount, catalog: this)).Deliver(message);
            return;
        }

        while (true)
        {
            if (_activations.TryGetValue(grainId, out var activation))
            {
                if (activation.Receive(message))
                    return;
                _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(grainId, activation));
                continue;
            }

            EnsurePlacedHere(grainId, grainClass);
            var created = new ActivationData(grainId, grainClass, _dependencies, _onRemoved);
            if (!_activations.TryAdd(grainId, created))
                continue;
            created.Receive(message);
            created.Activate();
            return;
        }
    }

    /// <summary>A new stateless worker activation for <paramref name="group"/> (not in the directory).</summary>
    internal ActivationData CreateWorker(StatelessWorkerGroup group) =>
        new(group.GrainId, group.GrainClass, _dependencies, _onRemoved);

    /// <summary>Every worker of a stateless worker waits upstream in this request's chain.</summary>
    internal void RejectCycle(Message message) =>
        _dependencies.MessageCenter.Reject(message, new DeadlockException(DeadlockException.Describe(message.CallChain.GrainIds, message.TargetGrain)), "call-cycle");

    /// <summary>Deactivates every activation and waits until they are gone (silo stop).</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        while (true)
        {
            var activations = Activations.ToArray();
            if (activations.Length == 0)
                return;
            foreach (var activation in activations)
                activation.Deactivate(reason);
            await Task.WhenAll(activations.Select(static activation => activation.Deactivated)).WaitAsync(cancellationToken);
        }
    }

    public IReadOnlyList<GrainDirectory.SiloAddress> GetCompatibleSilos(PlacementTarget target) => [LocalSilo];

    /// <summary>Placement decides where a new activation lives; until the cluster exists it can only be here.</summary>
    private void EnsurePlacedHere(GrainId grainId, Manifest.GrainClassDescriptor grainClass)
    {
        var silo = _placement.Place(new PlacementTarget(grainId, grainClass), this);
        if (silo != LocalSilo)
            throw new InvalidOperationException($"Placement chose silo {silo} for {grainId}, but this silo cannot send to other silos yet.");
    }

    private void OnRemoved(ActivationData activation)
    {
        if (activation.IsStatelessWorker)
        {
            if (_statelessWorkers.TryGetValue(activation.GrainId, out var group))
                group.Remove(activation);
            return;
        }
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }
}
