using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Cli.Connection;

/// <summary>What a silo needs to run the scheduling service, as the embedded silo (and the CLI's tests) compose it.</summary>
internal static class SchedulingSiloComposition
{
    /// <summary>
    /// The scheduling grains (<c>AddSchedulingGrains</c>), plus what that composition does not register yet: the backend
    /// catalog's selection strategies and the configured worker balancer. Both additions are no-ops once the composition
    /// registers them itself.
    /// </summary>
    public static ISiloBuilder AddSchedulingService(this ISiloBuilder silo)
    {
        silo.AddSchedulingGrains(silo.Configuration);
        silo.Services.AddBackendCatalog();
        if (!silo.Services.Any(static service => service.ServiceType == typeof(IWorkerBalancer)))
            silo.Services.AddSingleton<IWorkerBalancer>(static provider => provider.GetRequiredService<WorkerBalancerFactory>().Default);
        return silo;
    }
}
