using Microsoft.Extensions.Options;

namespace QuantumScheduler.Silo.Configuration;

/// <summary>Checks the host's settings at start, naming the key of each problem.</summary>
internal sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            failures.Add($"{SiloHostOptions.SectionName}:Url must be an absolute http or https URL (was \"{options.Url}\").");

        var dataDirectoryKey = $"{SiloHostOptions.DataDirectoryVariable} ({SiloHostOptions.SectionName}:DataDirectory)";
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add($"{dataDirectoryKey} must not be empty.");
        else if (File.Exists(options.DataDirectory))
            failures.Add($"{dataDirectoryKey} is \"{Path.GetFullPath(options.DataDirectory)}\", which is a file, not a directory.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
