using System.Collections.Concurrent;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// The activations of this silo by grain id, and where requests find them. A request for a grain without
/// an activation creates one; concurrent first calls race on one dictionary insert, so exactly one
/// activation wins and every request runs on it. In a cluster the directory registration decides between silos: an
/// activation that loses forwards its queued requests to the winner.
/// </summary>
internal sealed class Catalog
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _statelessWorkers = new();
    private readonly GrainClassRegistry _grainClasses;
    private readonly ActivationDependencies _dependencies;
    private readonly Action<ActivationData> _onRemoved;

    public Catalog(GrainClassRegistry grainClasses, ActivationDependencies dependencies)
    {
        _grainClasses = grainClasses;
        _dependencies = dependencies;
        _onRemoved = OnRemoved;
        dependencies.Instruments.ObserveQueueLengths(() => Activations);
    }

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

    /// <summary>Whether this silo has an activation of <paramref name="grainId"/> (in any state).</summary>
    public bool IsActiveHere(GrainId grainId) => _activations.ContainsKey(grainId);

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

            // A request that passed the "accepting calls" check just before the silo began to stop must not start an
            // activation once the stop has deactivated the others: it would answer after the transport closed.
            if (!_dependencies.LocalSilo.IsAcceptingCalls)
            {
                _dependencies.MessageCenter.RejectUnavailable(message);
                return;
            }
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
