using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Caching;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Hosting;

public static class SchedulingGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scheduling grains to a silo: the options of <c>QuantumScheduler:Scheduler</c> and
    /// <c>QuantumScheduler:Backends</c> bound from <paramref name="configuration"/> and validated at start; the backend
    /// registry (every default backend plus any <see cref="ISolverBackend"/> registered in the container, e.g. a test's
    /// fault-injection backend); the backend catalog; pricing and billing; the solution cache; job admission; the worker
    /// directory and solve runner.
    /// </summary>
    public static ISiloBuilder AddSchedulingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = silo.Services;
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<BackendsOptions>().Bind(configuration.GetSection(BackendsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => CreateRegistry(sp.GetServices<ISolverBackend>()));
        services.TryAddSingleton<BackendCatalog>();
        silo.AddCostTracking();

        services.TryAddSingleton<SolverPipeline>();
        services.TryAddSingleton<SolveRunner>();
        services.TryAddSingleton<SolutionCache>();
        services.TryAddSingleton<JobAdmission>();
        services.TryAddSingleton<IWorkerDirectory, MembershipWorkerDirectory>();
        return silo;
    }

    /// <summary>The default backends followed by those registered in the container; a name used twice is refused.</summary>
    private static BackendRegistry CreateRegistry(IEnumerable<ISolverBackend> extra)
    {
        var defaults = BackendRegistry.CreateDefault();
        return new BackendRegistry(defaults.Names.Select(defaults.Get).Concat(extra));
    }
}
