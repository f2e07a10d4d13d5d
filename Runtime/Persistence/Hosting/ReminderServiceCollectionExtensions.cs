using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers durable reminders: the reminder table and the service that fires the ticks.</summary>
public static class ReminderServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="InMemoryReminderTable"/> as the <see cref="IReminderTable"/> (tests and throw-away
    /// silos: its reminders do not survive the process).</summary>
    public static IServiceCollection AddInMemoryReminders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IReminderTable, InMemoryReminderTable>());
        return services;
    }

    /// <summary>
    /// Adds the reminder service: <see cref="IReminderRegistry"/> (what grains register through) and the hosted
    /// <see cref="LocalReminderService"/> that fires ticks. Needs an <see cref="IReminderTable"/> (for example
    /// <c>AddSqliteReminders</c> or <see cref="AddInMemoryReminders"/>) and the runtime's <see cref="IGrainFactory"/>,
    /// through which each tick calls the grain. Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddReminderService(this IServiceCollection services, Action<ReminderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ReminderOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReminderRangeProvider, SingleSiloReminderRangeProvider>();
        services.TryAddSingleton<LocalReminderService>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalReminderService>());
        services.TryAddSingleton<IReminderRegistry, ReminderService>();
        return services;
    }
}
