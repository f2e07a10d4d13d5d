using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Balancing;

/// <summary>The balancer for a strategy name (one shared instance per name, since round-robin balancers keep their
/// position), or for the configured <see cref="SchedulerOptions.LoadBalancing"/>.</summary>
public sealed class WorkerBalancerFactory(IOptions<SchedulerOptions> options)
{
    private readonly ConcurrentDictionary<string, IWorkerBalancer> _balancers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured balancer.</summary>
    public IWorkerBalancer Default => Get(options.Value.LoadBalancing);

    /// <exception cref="ArgumentException">No strategy has the name; the message lists the valid ones.</exception>
    public IWorkerBalancer Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _balancers.GetOrAdd(name.Trim(), static (key, maxQueueLength) => key.ToLowerInvariant() switch
        {
            WorkerBalancerNames.RoundRobin => new RoundRobinBalancer(maxQueueLength),
            WorkerBalancerNames.LeastConnections => new LeastConnectionsBalancer(maxQueueLength),
            WorkerBalancerNames.WeightedRoundRobin => new WeightedRoundRobinBalancer(maxQueueLength),
            WorkerBalancerNames.Intelligent => new IntelligentBalancer(maxQueueLength),
            _ => throw new ArgumentException(
                $"Unknown load-balancing strategy \"{key}\"; valid: {string.Join(", ", WorkerBalancerNames.All)}.", nameof(name)),
        }, options.Value.MaxQueueLength);
    }
}
