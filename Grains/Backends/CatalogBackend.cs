using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Grains.Backends;

/// <summary>A backend of the catalog: the solver that runs it and the settings it runs under.</summary>
public sealed record CatalogBackend(ISolverBackend Solver, BackendSettings Settings)
{
    public string Name => Settings.Name;
}
