using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Grains.Autoscaling;

public static class AutoscalingSiloBuilderExtensions
{
    /// <summary>
    /// Adds what the Autoscaler grain needs: <see cref="AutoscalerOptions"/> (<c>QuantumScheduler:Autoscaler</c>) and
    /// <see cref="LocalProcessProvisionerOptions"/> (<c>QuantumScheduler:Autoscaler:LocalProcess</c>) bound and validated
    /// at start, both provisioners, and — unless already registered — the load source reading worker grains, the
    /// one-silo worker roster and the system clock.
    /// </summary>
    public static ISiloBuilder AddAutoscaler(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<AutoscalerOptions>().Bind(silo.Configuration.GetSection(AutoscalerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LocalProcessProvisionerOptions>().Bind(silo.Configuration.GetSection(LocalProcessProvisionerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AutoscalerOptions>, AutoscalerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalProcessProvisionerOptions>, LocalProcessProvisionerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProcessCpuMeter>();
        services.TryAddSingleton<IWorkerRoster, SiloWorkerRoster>();
        services.TryAddSingleton<ILoadSource, WorkerLoadSource>();
        services.TryAddSingleton<LocalProcessProvisioner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterProvisioner, RecommendOnlyProvisioner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterProvisioner, LocalProcessProvisioner>(static sp => sp.GetRequiredService<LocalProcessProvisioner>()));
        return silo;
    }
}
