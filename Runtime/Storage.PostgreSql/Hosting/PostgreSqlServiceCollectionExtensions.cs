using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Storage.PostgreSql;
using QuantumScheduler.Runtime.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL cluster providers: grain storage, reminder table, membership table and grain directory.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="PostgreSqlGrainStorage"/> named <paramref name="name"/> as a keyed
    /// <see cref="IGrainStorage"/>. Options are validated and the schema is migrated when the host starts.</summary>
    public static IServiceCollection AddPostgreSqlGrainStorage(this IServiceCollection services, string name, Action<PostgreSqlGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddGrainPersistence();
        AddValidatedOptions(services, name, configure);
        services.AddKeyedSingleton(name, (provider, _) =>
            new PostgreSqlGrainStorage(name, provider.GetRequiredService<IOptionsMonitor<PostgreSqlGrainStorageOptions>>().Get(name),
                provider.GetService<ILogger<PostgreSqlGrainStorage>>()));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => provider.GetRequiredKeyedService<PostgreSqlGrainStorage>(key));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredKeyedService<PostgreSqlGrainStorage>(name).InitializeAsync));
        return services;
    }

    /// <summary>Adds a <see cref="PostgreSqlGrainStorage"/> named "Default".</summary>
    public static IServiceCollection AddPostgreSqlGrainStorageAsDefault(this IServiceCollection services, Action<PostgreSqlGrainStorageOptions> configure) =>
        services.AddPostgreSqlGrainStorage(GrainStorageNames.Default, configure);

    /// <summary>Adds the <see cref="PostgreSqlReminderTable"/> as the <see cref="IReminderTable"/>, replacing any other.</summary>
    public static IServiceCollection AddPostgreSqlReminders(this IServiceCollection services, Action<PostgreSqlReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => new PostgreSqlReminderTable(provider.GetRequiredService<IOptions<PostgreSqlReminderTableOptions>>().Value,
            provider.GetService<ILogger<PostgreSqlReminderTable>>()));
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(provider => provider.GetRequiredService<PostgreSqlReminderTable>()));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredService<PostgreSqlReminderTable>().InitializeAsync));
        return services;
    }

    /// <summary>Adds the <see cref="PostgreSqlMembershipTable"/> as the <see cref="IMembershipTable"/>. The schema is
    /// migrated and the cluster's version row created when the host starts.</summary>
    public static IServiceCollection AddPostgreSqlMembershipTable(this IServiceCollection services, Action<PostgreSqlMembershipTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => new PostgreSqlMembershipTable(provider.GetRequiredService<IOptions<PostgreSqlMembershipTableOptions>>().Value,
            provider.GetService<ILogger<PostgreSqlMembershipTable>>()));
        services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(provider => provider.GetRequiredService<PostgreSqlMembershipTable>()));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredService<PostgreSqlMembershipTable>().InitializeAsync));
        return services;
    }

    /// <summary>Adds the <see cref="PostgreSqlGrainDirectory"/> as the <see cref="IGrainDirectory"/>, replacing any other.
    /// The schema is migrated when the host starts.</summary>
    public static IServiceCollection AddPostgreSqlGrainDirectory(this IServiceCollection services, Action<PostgreSqlGrainDirectoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => new PostgreSqlGrainDirectory(provider.GetRequiredService<IOptions<PostgreSqlGrainDirectoryOptions>>().Value,
            provider.GetService<ILogger<PostgreSqlGrainDirectory>>()));
        services.Replace(ServiceDescriptor.Singleton<IGrainDirectory>(provider => provider.GetRequiredService<PostgreSqlGrainDirectory>()));
        services.AddSingleton<IHostedService>(provider => new StorageInitializer(provider.GetRequiredService<PostgreSqlGrainDirectory>().InitializeAsync));
        return services;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string name, Action<TOptions> configure)
        where TOptions : PostgreSqlStorageOptions
    {
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, PostgreSqlStorageOptionsValidator<TOptions>>());
    }
}
