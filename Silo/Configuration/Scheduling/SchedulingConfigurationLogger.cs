using Microsoft.Extensions.Hosting;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Logs, once the host starts, which configuration file was read and every warning about it (configuration
/// is read before logging exists).</summary>
internal sealed class SchedulingConfigurationLogger(SchedulingConfigurationReport report, ILogger<SchedulingConfigurationLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (report.ConfigFile is not null)
            logger.LogInformation("Scheduling configuration read from {ConfigFile}", report.ConfigFile);
        foreach (var warning in report.Warnings)
            logger.LogWarning("Configuration: {Warning}", warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
