using Microsoft.Extensions.Options;

namespace QuantumScheduler.Silo.Configuration;

/// <summary>Reads the host's settings (configuration files, variables, then <c>QUANTUM_SCHEDULER_DATA_DIR</c>)
/// and checks them before the host is built, since the URL and the data directory shape the host.</summary>
internal static class SiloHostConfiguration
{
    public static SiloHostOptions AddSiloHostOptions(this WebApplicationBuilder builder)
    {
        if (Environment.GetEnvironmentVariable(SiloHostOptions.DataDirectoryVariable) is { Length: > 0 } dataDirectory)
            builder.Configuration[$"{SiloHostOptions.SectionName}:DataDirectory"] = dataDirectory;

        var options = new SiloHostOptions();
        builder.Configuration.GetSection(SiloHostOptions.SectionName).Bind(options);
        var result = new SiloHostOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(Options.DefaultName, typeof(SiloHostOptions), result.Failures);

        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddSingleton(options);
        return options;
    }
}
