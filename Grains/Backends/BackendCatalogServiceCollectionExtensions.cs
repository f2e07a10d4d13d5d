using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Backends;

/// <summary>Registers the backend catalog and what reads it.</summary>
public static class BackendCatalogServiceCollectionExtensions
{
    /// <summary>
    /// The backend catalog over the solver registry (<see cref="BackendRegistry.CreateDefault"/> unless a registry is
    /// registered already, e.g. with a test's fault-injection backend), the health probe's clock, the selection
    /// strategies with their resolver and the default cost estimator, and the worker balancers. Options
    /// (<c>BackendsOptions</c>, <c>SchedulerOptions</c>, <c>SelectionOptions</c>, <c>PricingOptions</c>) are bound by the host.
    /// </summary>
    public static IServiceCollection AddBackendCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static _ => BackendRegistry.CreateDefault());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackendCatalog>();
        services.TryAddSingleton<IBackendStatusSource, GrainBackendStatusSource>();
        services.TryAddSingleton<BackendCandidateFilter>();
        services.TryAddSingleton<IBackendCostEstimator, PricingCostEstimator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, HybridBackendSelector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, AdaptivePerformanceSelector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, CostOptimizedSelector>());
        services.TryAddSingleton<BackendSelectorResolver>();
        services.TryAddSingleton<WorkerBalancerFactory>();
        return services;
    }
}
