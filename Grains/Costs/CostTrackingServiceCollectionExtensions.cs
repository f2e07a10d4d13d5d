using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Costs;

public static class CostTrackingServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the Cost and Budget grains need: <see cref="PricingOptions"/> (<c>QuantumScheduler:Pricing</c>) and
    /// <see cref="BudgetOptions"/> (<c>QuantumScheduler:Budgets</c>) bound from the silo's configuration and validated
    /// at start, <see cref="ResourcePricing"/>, <see cref="JobBilling"/>, and — unless already registered — the default
    /// backend registry and the system clock.
    /// </summary>
    public static ISiloBuilder AddCostTracking(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<PricingOptions>().Bind(silo.Configuration.GetSection(PricingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<BudgetOptions>().Bind(silo.Configuration.GetSection(BudgetOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PricingOptions>, PricingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BudgetOptions>, BudgetOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static _ => BackendRegistry.CreateDefault());
        services.TryAddSingleton<ResourcePricing>();
        services.TryAddSingleton<JobBilling>();
        return silo;
    }
}
