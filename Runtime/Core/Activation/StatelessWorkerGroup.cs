using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// The local activations of one stateless worker grain. A request goes to an idle worker; a new worker is
/// added only when all are busy and fewer than the maximum exist; surplus idle workers are removed.
/// Workers are never registered in the directory.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainId grainId, GrainClassDescriptor grainClass, int maxLocalWorkers, Catalog catalog)
{
    private readonly object _lock = new();
    private readonly List<ActivationData> _workers = [];

    public GrainId GrainId { get; } = grainId;

    public GrainClassDescriptor GrainClass { get; } = grainClass;

    public int MaxLocalWorkers { get; } = maxLocalWorkers;

    public IReadOnlyList<ActivationData> Workers
    {
        get
        {
            lock (_lock)
                return _workers.ToArray();
        }
    }

    public void Deliver(Message message)
    {
        while (true)
        {
            ActivationData? target = null;
            var created = false;
            lock (_lock)
            {
                var shortestQueue = int.MaxValue;
                foreach (var worker in _workers)
                {
                    // A worker waiting upstream in this call chain cannot take the call without deadlocking.
                    if (message.CallChain.Contains(worker.ActivationId))
                        continue;
                    if (worker.IsIdle)
                    {
                        target = worker;
                        break;
                    }
                    var queued = worker.QueueLength;
                    if (queued < shortestQueue)
                    {
                        shortestQueue = queued;
                        target = worker;
                    }
                }
                if ((target is null || !target.IsIdle) && _workers.Count < MaxLocalWorkers)
                {
                    target = catalog.CreateWorker(this);
                    _workers.Add(target);
                    created = true;
                }
            }

            if (target is null)
            {
                catalog.RejectCycle(message);
                return;
            }
            if (target.Receive(message))
            {
                if (created)
                    target.Activate();
                return;
            }
            Remove(target);
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
            _workers.Remove(worker);
    }

    /// <summary>Deactivates idle workers beyond the first; the last one is left to idle collection.</summary>
    public void RemoveSurplusIdleWorkers()
    {
        ActivationData[] surplus;
        lock (_lock)
            surplus = _workers.Where(static worker => worker.IsIdle).Skip(1).ToArray();
        foreach (var worker in surplus)
            worker.Deactivate(new DeactivationReason(DeactivationReasonCode.RuntimeRequested, "surplus idle stateless worker"));
    }
}
