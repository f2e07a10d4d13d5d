using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Backends;

/// <summary>Registers the backend catalog and what reads it.</summary>
public static class BackendCatalogServiceCollectionExtensions
{
    /// <summary>
    /// The backend catalog over the solver registry (<see cref="BackendRegistry.CreateDefault"/> unless a registry is
    /// registered already, e.g. with a test's fault-injection backend), the health probe's clock, the selection
    /// strategies with their resolver and the default cost estimator (on <c>ResourcePricing</c>), and the worker balancers
    /// (through <see cref="WorkerBalancerFactory"/>, and each as an <see cref="IWorkerBalancer"/>). Options
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
        services.TryAddSingleton<ResourcePricing>();
        services.TryAddSingleton<IBackendCostEstimator, PricingCostEstimator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, HybridBackendSelector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, AdaptivePerformanceSelector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendSelector, CostOptimizedSelector>());
        services.TryAddSingleton<BackendSelectorResolver>();
        if (!services.Any(static d => d.ServiceType == typeof(WorkerBalancerFactory)))
        {
            services.AddSingleton<WorkerBalancerFactory>();
            // Also as IWorkerBalancer services, for callers that pick a balancer by its Name.
            foreach (var name in WorkerBalancerNames.All)
                services.AddSingleton<IWorkerBalancer>(sp => sp.GetRequiredService<WorkerBalancerFactory>().Get(name));
        }
        return services;
    }
}
