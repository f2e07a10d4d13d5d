using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Storage.Sqlite;
using QuantumScheduler.Runtime.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite grain storage and reminder table (the embedded single-silo default).</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="SqliteGrainStorage"/> named <paramref name="name"/> as a keyed
    /// <see cref="IGrainStorage"/>. Options are validated and the database is migrated when the host starts.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddGrainPersistence();
        AddValidatedOptions(services, name, configure);
        services.AddKeyedSingleton(name, (provider, _) =>
            new SqliteGrainStorage(name, provider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name),
                provider.GetService<ILogger<SqliteGrainStorage>>()));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => provider.GetRequiredKeyedService<SqliteGrainStorage>(key));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredKeyedService<SqliteGrainStorage>(name).InitializeAsync));
        return services;
    }

    /// <summary>Adds a <see cref="SqliteGrainStorage"/> named "Default".</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(this IServiceCollection services, Action<SqliteGrainStorageOptions>? configure = null) =>
        services.AddSqliteGrainStorage(GrainStorageNames.Default, configure);

    /// <summary>Adds the <see cref="SqliteReminderTable"/> as the <see cref="IReminderTable"/>.</summary>
    public static IServiceCollection AddSqliteReminders(this IServiceCollection services, Action<SqliteReminderTableOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddValidatedOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => new SqliteReminderTable(provider.GetRequiredService<IOptions<SqliteReminderTableOptions>>().Value,
            provider.GetService<ILogger<SqliteReminderTable>>()));
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(provider => provider.GetRequiredService<SqliteReminderTable>()));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredService<SqliteReminderTable>().InitializeAsync));
        return services;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string name, Action<TOptions>? configure)
        where TOptions : SqliteStorageOptions
    {
        var builder = services.AddOptions<TOptions>(name);
        if (configure is not null)
            builder.Configure(configure);
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SqliteStorageOptionsValidator<TOptions>>());
    }
}
