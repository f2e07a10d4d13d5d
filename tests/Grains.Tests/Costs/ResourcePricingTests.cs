using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Tests.Costs;

public sealed class ResourcePricingTests
{
    private static readonly BackendRegistry Backends = BackendRegistry.CreateDefault();

    private static ResourcePricing Pricing(PricingOptions? options = null) =>
        new(Options.Create(options ?? new PricingOptions()), Backends, new FakeTimeProvider(BillingCluster.Start));

    private static AttemptOutcome Attempt(int attempt, double coreSeconds = 0, double qubitSeconds = 0, long shots = 0) => new()
    {
        Attempt = attempt,
        Kind = AttemptResultKind.Solved,
        Worker = "worker-1",
        CoreSeconds = coreSeconds,
        QubitSeconds = qubitSeconds,
        Shots = shots,
    };

    [Theory]
    [InlineData(0.25, "0.000012")] // 0.0000125: the tie goes to the even digit (2), not up
    [InlineData(0.35, "0.000018")] // 0.0000175: the tie goes to the even digit (8)
    [InlineData(0.26, "0.000013")] // 0.000013 exactly
    [InlineData(0.27, "0.000014")] // 0.0000135: tie, even digit 4
    public void Entries_are_rounded_half_even_to_the_configured_places(double coreSeconds, string expected)
    {
        var entry = Assert.Single(Pricing().Price(Attempt(1, coreSeconds), "classical-tabu"));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), entry.Amount);
        Assert.Equal((decimal)coreSeconds * 0.00005m, entry.Quantity * entry.UnitPrice);
    }

    [Fact]
    public void An_attempt_is_priced_per_resource_with_idempotent_ids_and_backend_overrides()
    {
        var options = new PricingOptions { DecimalPlaces = 4 };
        options.Backends["qaoa"] = new BackendPrices { QubitSecond = 0.002m };

        var entries = Pricing(options).Price(Attempt(2, coreSeconds: 1.5, qubitSeconds: 3, shots: 1000), "qaoa");

        Assert.Equal(["attempt-2/core-seconds", "attempt-2/qubit-seconds", "attempt-2/shots"], entries.Select(static e => e.EntryId));
        Assert.All(entries, static e => Assert.Equal("qaoa", e.Backend));
        Assert.Equal([0.0001m, 0.006m, 0.001m], entries.Select(static e => e.Amount)); // 0.000075 → 0.0001, 3 × 0.002, 1000 × 0.000001
        Assert.Equal([0.00005m, 0.002m, 0.000001m], entries.Select(static e => e.UnitPrice));
        Assert.Equal(BillingCluster.Start, entries[0].At);
    }

    [Fact]
    public void Unused_resources_get_no_entry()
    {
        Assert.Empty(Pricing().Price(Attempt(1), "classical-mip"));
    }

    [Fact]
    public void A_negative_or_non_finite_consumption_is_refused_naming_the_resource()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Pricing().Price(Attempt(1, coreSeconds: double.NaN), "classical-mip"));
        Assert.Contains("CoreSeconds", error.Message);
    }

    [Fact]
    public void A_classical_estimate_is_time_limit_times_threads_times_core_price_rounded_up()
    {
        var pricing = Pricing(new PricingOptions { CoreSecond = 0.0000003m });

        Assert.Equal(0.000001m, pricing.Estimate("classical-tabu", problemSize: 50, TimeSpan.FromSeconds(1), threads: 1));
        Assert.Equal(0.000006m, pricing.Estimate("classical-tabu", problemSize: 50, TimeSpan.FromSeconds(10), threads: 2));
    }

    [Fact]
    public void A_quantum_estimate_adds_qubit_seconds_for_up_to_the_backends_qubits_and_bounds_the_actual_charge()
    {
        var pricing = Pricing();
        var maxQubits = Backends.Get("qaoa").Capabilities.MaxQubits!.Value;
        var timeLimit = TimeSpan.FromSeconds(30);

        var small = pricing.Estimate("qaoa", problemSize: 4, timeLimit, threads: 2, shots: 1024);
        var large = pricing.Estimate("qaoa", problemSize: maxQubits + 100, timeLimit, threads: 2);

        Assert.Equal(30 * 2 * 0.00005m + 4 * 30 * 0.0001m + 1024 * 0.000001m, small);
        Assert.Equal(30 * 2 * 0.00005m + maxQubits * 30 * 0.0001m, large);
        var worstCase = pricing.Price(Attempt(1, coreSeconds: 60, qubitSeconds: 4 * 30, shots: 1024), "qaoa").Sum(static e => e.Amount);
        Assert.True(worstCase <= small, $"{worstCase} > {small}");
    }

    [Fact]
    public void Estimating_on_an_unknown_backend_names_the_known_ones()
    {
        var error = Assert.Throws<UnknownBackendException>(() => Pricing().Estimate("warp-drive", 10, TimeSpan.FromSeconds(1), 1));

        Assert.Contains("warp-drive", error.Message);
        Assert.Contains("classical-mip", error.Message);
    }

    [Fact]
    public void The_validator_names_every_bad_pricing_value()
    {
        var options = new PricingOptions { Currency = " ", DecimalPlaces = 29, CoreSecond = -1m };
        options.Backends["qaoa"] = new BackendPrices { Shot = -0.1m };

        var result = new PricingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("QuantumScheduler:Pricing:Currency", result.FailureMessage);
        Assert.Contains("QuantumScheduler:Pricing:DecimalPlaces", result.FailureMessage);
        Assert.Contains("QuantumScheduler:Pricing:CoreSecond", result.FailureMessage);
        Assert.Contains("QuantumScheduler:Pricing:Backends:qaoa:Shot", result.FailureMessage);
        Assert.True(new PricingOptionsValidator().Validate(null, new PricingOptions()).Succeeded);
    }
}
