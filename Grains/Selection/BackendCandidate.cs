using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>A backend that may solve the problem, with its live info (health, statistics).</summary>
public sealed record BackendCandidate(CatalogBackend Backend, BackendInfo Info)
{
    public string Name => Backend.Name;
}
