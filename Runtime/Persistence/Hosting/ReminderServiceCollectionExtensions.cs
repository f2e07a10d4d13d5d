using Microsoft.Extensions.DependencyInjection.Extensions;
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
}
