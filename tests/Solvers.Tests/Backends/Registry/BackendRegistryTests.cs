using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Backends.Tabu;

namespace QuantumScheduler.Solvers.Tests.Backends.Registry;

public sealed class BackendRegistryTests
{
    [Fact]
    public void Default_registry_holds_both_classical_backends_by_name()
    {
        var registry = BackendRegistry.CreateDefault();

        Assert.IsType<ClassicalMipBackend>(registry.Get("classical-mip"));
        Assert.IsType<ClassicalTabuBackend>(registry.Get("Classical-Tabu"));
        Assert.Equal(["classical-mip", "classical-tabu", "annealing", "annealing-sqa", "hybrid", "qaoa", "hybrid-qaoa", "quantum-hardware"], registry.Names);
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => BackendRegistry.CreateDefault().Get("cplex"));

        Assert.Equal("Unknown backend \"cplex\"; known backends: classical-mip, classical-tabu, annealing, annealing-sqa, hybrid, qaoa, hybrid-qaoa, quantum-hardware.", error.Message);
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BackendRegistry([new ClassicalMipBackend(), new ClassicalMipBackend()]));
    }
}
