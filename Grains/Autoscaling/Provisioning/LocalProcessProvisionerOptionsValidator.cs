using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>Checks <see cref="LocalProcessProvisionerOptions"/> at start when <c>local-process</c> is the selected provisioner.</summary>
public sealed class LocalProcessProvisionerOptionsValidator(IOptions<AutoscalerOptions> autoscaler) : IValidateOptions<LocalProcessProvisionerOptions>
{
    private const string Section = LocalProcessProvisionerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LocalProcessProvisionerOptions options)
    {
        if (autoscaler.Value.Provisioner != LocalProcessProvisioner.ProvisionerName)
            return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        if (!File.Exists(options.SiloAssemblyPath))
            problems.Add($"{Section}:SiloAssemblyPath \"{options.SiloAssemblyPath}\" is not a file; point it at the built QuantumScheduler.Silo.dll");
        if (string.IsNullOrWhiteSpace(options.DotnetPath))
            problems.Add($"{Section}:DotnetPath must be set");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add($"{Section}:DataDirectory must be set");
        if (string.IsNullOrWhiteSpace(options.SiloNamePrefix))
            problems.Add($"{Section}:SiloNamePrefix must be set");
        if (options.FirstHttpPort is < 0 or > 65535)
            problems.Add($"{Section}:FirstHttpPort must be 0 (any free port) or a port number (was {options.FirstHttpPort})");
        if (options.StopTimeout <= TimeSpan.Zero)
            problems.Add($"{Section}:StopTimeout must be positive (was {options.StopTimeout})");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
