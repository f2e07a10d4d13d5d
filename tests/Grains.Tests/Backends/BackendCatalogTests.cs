using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Quantum.Qaoa;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class BackendCatalogTests
{
    private static BackendCatalog Catalog(BackendsOptions? options = null) =>
        new(BackendRegistry.CreateDefault(), Options.Create(options ?? new BackendsOptions()));

    [Fact]
    public void Every_registry_backend_has_its_family()
    {
        var families = Catalog().Backends.ToDictionary(b => b.Name, b => b.Settings.Family);

        Assert.Equal(new Dictionary<string, string>
        {
            ["classical-mip"] = "classical",
            ["classical-tabu"] = "classical",
            ["annealing"] = "quantum_simulator",
            ["annealing-sqa"] = "quantum_simulator",
            ["hybrid"] = "hybrid",
            ["qaoa"] = "quantum_simulator",
            ["hybrid-qaoa"] = "hybrid",
            ["quantum-hardware"] = "quantum_hardware",
        }, families);
    }

    [Fact]
    public void Without_configuration_the_seed_defaults_apply()
    {
        var catalog = Catalog();

        var tabu = catalog.Get("classical-tabu").Settings;
        Assert.Equal((true, 1.0, (int?)1000, (int?)null), (tabu.Enabled, tabu.Weight, tabu.MaxProblemSize, tabu.MaxQubits));
        var annealing = catalog.Get("annealing").Settings;
        Assert.Equal((true, 2.0, (int?)null), (annealing.Enabled, annealing.Weight, annealing.MaxQubits));
        Assert.False(catalog.Get("quantum-hardware").Settings.Enabled);
        Assert.True(catalog.Get("hybrid").Settings.Enabled);
    }

    [Fact]
    public void Qaoa_reports_the_smaller_of_the_configured_50_qubits_and_its_own_limit()
    {
        var ownLimit = new QaoaBackend().Capabilities.MaxQubits!.Value;
        Assert.True(ownLimit < 50);

        var qaoa = Catalog().Get("qaoa").Settings;

        Assert.Equal(ownLimit, qaoa.MaxQubits);
        Assert.Equal(ownLimit, qaoa.MaxProblemSize);
        Assert.Equal(8, Catalog(new BackendsOptions { Backends = { ["qaoa"] = new BackendOptions { MaxQubits = 8 } } }).Get("qaoa").Settings.MaxQubits);
    }

    [Fact]
    public void A_backends_own_entry_overrides_its_familys_which_overrides_the_seed()
    {
        var options = new BackendsOptions
        {
            Families = { ["classical"] = new BackendOptions { Weight = 3, MaxProblemSize = 5000 }, ["quantum_hardware"] = new BackendOptions { Enabled = true, Provider = "ibm", QueueTimeout = TimeSpan.FromHours(1) } },
            Backends = { ["classical-mip"] = new BackendOptions { Enabled = false, MaxProblemSize = 200 } },
        };

        var catalog = Catalog(options);

        var mip = catalog.Get("classical-mip").Settings;
        Assert.Equal((false, 3.0, (int?)200), (mip.Enabled, mip.Weight, mip.MaxProblemSize));
        var tabu = catalog.Get("classical-tabu").Settings;
        Assert.Equal((true, 3.0, (int?)5000), (tabu.Enabled, tabu.Weight, tabu.MaxProblemSize));
        var hardware = catalog.Get("quantum-hardware").Settings;
        Assert.Equal((true, "ibm", (TimeSpan?)TimeSpan.FromHours(1)), (hardware.Enabled, hardware.Provider, hardware.QueueTimeout));
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<UnknownBackendException>(() => Catalog().Get("d-wave"));
        Assert.Equal("Unknown backend \"d-wave\"; known backends: classical-mip, classical-tabu, annealing, annealing-sqa, hybrid, qaoa, hybrid-qaoa, quantum-hardware.", error.Message);
    }
}
