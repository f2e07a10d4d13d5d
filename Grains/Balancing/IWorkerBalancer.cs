using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary>
/// Chooses the worker node for the next solve (the seed's load-balancing strategies: round robin, least connections,
/// weighted round robin, intelligent multi-factor). Implementations are thread-safe.
/// </summary>
public interface IWorkerBalancer
{
    /// <summary>The strategy's configured name (<c>round_robin</c>, ...).</summary>
    string Name { get; }

    /// <summary>The chosen worker's id, or null when no worker is healthy with spare queue capacity.</summary>
    string? Choose(IReadOnlyList<WorkerLoad> workers);
}
