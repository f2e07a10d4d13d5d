using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>Durable reminders in a silo.</summary>
public static class SiloReminderExtensions
{
    /// <summary>The configuration section <see cref="ReminderOptions"/> bind from.</summary>
    public const string ReminderSectionName = "QuantumScheduler:Reminders";

    /// <summary>
    /// Adds the reminder service, firing ticks through this silo's grain factory (a tick activates a collected
    /// grain). A reminder table must be added too (<c>AddSqliteReminders</c> or <c>AddInMemoryReminders</c>).
    /// </summary>
    public static ISiloBuilder AddReminders(this ISiloBuilder silo, Action<ReminderOptions>? configure = null)
    {
        silo.Services.AddOptions<ReminderOptions>().Bind(silo.Configuration.GetSection(ReminderSectionName));
        silo.Services.AddReminderService(configure);
        return silo;
    }
}
