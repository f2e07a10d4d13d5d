using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Caching;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Hosting;

public static class SchedulingGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scheduling grains to a silo: <see cref="SchedulerOptions"/>, <see cref="BackendsOptions"/> and
    /// <see cref="SelectionOptions"/> bound from
    /// <paramref name="configuration"/> and validated at start; the backend registry (every default backend plus each
    /// <see cref="ISolverBackend"/> registered in the container, e.g. a test's fault-injection backend); the backend
    /// catalog, selection strategies and load balancers (<see cref="BackendCatalogServiceCollectionExtensions.AddBackendCatalog"/>);
    /// pricing, billing and budgets (<see cref="CostTrackingServiceCollectionExtensions.AddCostTracking"/>); the autoscaler
    /// (<see cref="AutoscalingSiloBuilderExtensions.AddAutoscaler"/>); and the job pipeline's own parts: the solution cache,
    /// the solve runner, and the worker directory (also the autoscaler's roster).
    /// </summary>
    public static ISiloBuilder AddSchedulingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<BackendsOptions>().Bind(configuration.GetSection(BackendsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SelectionOptions>().Bind(configuration.GetSection(SelectionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, JobTimingOptionsValidator>());

        // Registered before the siblings' registrations, which only add these when missing.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp =>
            CreateRegistry(sp.GetServices<ISolverBackend>(), sp.GetRequiredService<IOptions<SchedulerOptions>>().Value.ClassicalBaseline));
        services.TryAddSingleton<MembershipWorkerDirectory>();
        services.TryAddSingleton<IWorkerDirectory>(static sp => sp.GetRequiredService<MembershipWorkerDirectory>());
        services.TryAddSingleton<IWorkerRoster>(static sp => sp.GetRequiredService<MembershipWorkerDirectory>());

        services.AddBackendCatalog();
        silo.AddCostTracking();
        silo.AddAutoscaler();

        services.TryAddSingleton<SolverPipeline>();
        services.TryAddSingleton<SolveRunner>();
        services.TryAddSingleton<SolutionCache>();
        return silo;
    }

    /// <summary>The default backends, their quantum and hybrid ones compared with <paramref name="baseline"/>'s classical
    /// backend when one is set, followed by those registered in the container; a name used twice is refused.</summary>
    private static BackendRegistry CreateRegistry(IEnumerable<ISolverBackend> extra, ClassicalBaselineOptions baseline)
    {
        var comparison = string.IsNullOrWhiteSpace(baseline.Backend)
            ? new ComparisonOptions()
            : new ComparisonOptions { ClassicalBackend = BackendRegistry.CreateDefault().Get(baseline.Backend.Trim()), ClassicalTimeLimit = baseline.TimeLimit };
        var defaults = BackendRegistry.CreateDefault(comparison);
        return new BackendRegistry(defaults.Names.Select(defaults.Get).Concat(extra));
    }
}
