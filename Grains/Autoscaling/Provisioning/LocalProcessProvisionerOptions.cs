namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>The <c>local-process</c> provisioner, bound from <c>QuantumScheduler:Autoscaler:LocalProcess</c>.</summary>
public sealed class LocalProcessProvisionerOptions
{
    public const string SectionName = "QuantumScheduler:Autoscaler:LocalProcess";

    /// <summary>The silo to start: path of the built <c>QuantumScheduler.Silo.dll</c>. Required with <c>local-process</c>.</summary>
    public string SiloAssemblyPath { get; set; } = "";

    /// <summary>The <c>dotnet</c> host that runs it. Default <c>dotnet</c> (from PATH).</summary>
    public string DotnetPath { get; set; } = "dotnet";

    /// <summary>Each started silo gets its own data directory <c>&lt;DataDirectory&gt;/&lt;silo name&gt;</c>. Default
    /// <c>data/autoscaled</c> under the current directory.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "autoscaled");

    /// <summary>Started silos are named <c>&lt;prefix&gt;-&lt;cluster&gt;-&lt;n&gt;</c>. Default <c>autoscaled</c>.</summary>
    public string SiloNamePrefix { get; set; } = "autoscaled";

    /// <summary>HTTP (health) port of the first started silo, the next ones counting up; 0 (default) lets the OS pick
    /// a free port for each.</summary>
    public int FirstHttpPort { get; set; }

    /// <summary>Extra command-line arguments for every started silo, after the ones the provisioner sets: configuration
    /// this silo got from its own command line and the others need too (e.g. <c>--ConnectionStrings:QuantumScheduler=…</c>).
    /// Default none.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>How long a silo may take to stop after SIGTERM before it is killed. Default 30 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
