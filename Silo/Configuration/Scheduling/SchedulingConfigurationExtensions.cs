using System.Collections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>
/// The scheduling configuration of a silo: the seed's <c>config/production.yaml</c> (path from <c>--config</c> or
/// <c>QUANTUM_SCHEDULER_CONFIG</c>) over the host's own sources, the seed's environment variables over that, bound to
/// <see cref="SchedulerOptions"/>, <see cref="BackendsOptions"/> and <see cref="SelectionOptions"/> and validated
/// before the host is built. Every unreadable or invalid value is named, with its key, in one
/// <see cref="OptionsValidationException"/> (which the silo prints as <c>Configuration error: …</c> and exits 2).
/// </summary>
public static class SchedulingConfigurationExtensions
{
    /// <summary>The command-line option naming the YAML file (<c>--config path</c>).</summary>
    public const string ConfigFileKey = "config";

    public static IHostApplicationBuilder AddQuantumSchedulerConfiguration(this IHostApplicationBuilder builder) =>
        builder.AddQuantumSchedulerConfiguration(ReadEnvironment());

    /// <param name="environment">The process's environment variables (tests pass their own).</param>
    internal static IHostApplicationBuilder AddQuantumSchedulerConfiguration(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<string>();
        var warnings = new List<string>();

        var configFile = builder.Configuration[ConfigFileKey] is { Length: > 0 } fromArgument
            ? fromArgument
            : environment.GetValueOrDefault(SchedulingEnvironmentVariables.ConfigFile) is { Length: > 0 } fromVariable ? fromVariable : null;
        if (configFile is not null)
        {
            configFile = Path.GetFullPath(configFile);
            Apply(builder, ProductionYamlReader.ReadFile(configFile), errors, warnings);
        }
        Apply(builder, SchedulingEnvironmentVariables.Read(environment), errors, warnings);

        if (builder.Configuration[SchedulingEnvironmentVariables.EnvironmentKey] is { Length: > 0 } environmentName)
            builder.Environment.EnvironmentName = environmentName;

        var backendNames = RegistryNames(builder.Services);
        errors.AddRange(Validate<SchedulerOptions>(builder, SchedulerOptions.SectionName, new SchedulerOptionsValidator(backendNames)));
        errors.AddRange(Validate<BackendsOptions>(builder, BackendsOptions.SectionName, new BackendsOptionsValidator(backendNames)));
        errors.AddRange(Validate<SelectionOptions>(builder, SelectionOptions.SectionName, new SelectionOptionsValidator()));
        if (errors.Count > 0)
            throw new OptionsValidationException(Options.DefaultName, typeof(SchedulerOptions), errors);

        var services = builder.Services;
        services.AddOptions<SchedulerOptions>().Bind(builder.Configuration.GetSection(SchedulerOptions.SectionName)).ValidateOnStart();
        services.AddOptions<BackendsOptions>().Bind(builder.Configuration.GetSection(BackendsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SelectionOptions>().Bind(builder.Configuration.GetSection(SelectionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>>(new SchedulerOptionsValidator(backendNames)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackendsOptions>>(new BackendsOptionsValidator(backendNames)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SelectionOptions>, SelectionOptionsValidator>());
        services.AddSingleton(new SchedulingConfigurationReport(configFile, warnings));
        services.AddHostedService<SchedulingConfigurationLogger>();
        return builder;
    }

    private static void Apply(IHostApplicationBuilder builder, SchedulingConfigurationSource source, List<string> errors, List<string> warnings)
    {
        builder.Configuration.AddInMemoryCollection(source.Values);
        errors.AddRange(source.Errors);
        warnings.AddRange(source.Warnings);
    }

    // Binds a throwaway copy to validate now, before the host is built, so all problems surface together.
    private static IEnumerable<string> Validate<TOptions>(IHostApplicationBuilder builder, string section, IValidateOptions<TOptions> validator)
        where TOptions : class, new()
    {
        var options = new TOptions();
        try
        {
            builder.Configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException binding)
        {
            return [binding.InnerException is { } cause ? $"{binding.Message} {cause.Message}" : binding.Message];
        }
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? result.Failures : [];
    }

    // Backends a test (or a provider) registered before this call are valid names too.
    private static IReadOnlyList<string> RegistryNames(IServiceCollection services)
    {
        var registered = services.LastOrDefault(static d => d.ServiceType == typeof(BackendRegistry))?.ImplementationInstance as BackendRegistry;
        return (registered ?? BackendRegistry.CreateDefault()).Names.ToList();
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = entry.Value as string;
        return variables;
    }
}
