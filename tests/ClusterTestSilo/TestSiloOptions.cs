namespace QuantumScheduler.ClusterTestSilo;

/// <summary>What one test silo process is told: from the command line (<c>--name silo-1 --postgres "Host=…"</c>) or
/// the environment (<c>TestSilo__Name</c>, <c>TestSilo__ConnectionString</c>, …).</summary>
public sealed class TestSiloOptions
{
    public const string SectionName = "TestSilo";

    /// <summary>The command-line switches and the option each one sets.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--name"] = $"{SectionName}:{nameof(Name)}",
        ["--postgres"] = $"{SectionName}:{nameof(ConnectionString)}",
        ["--cluster-id"] = $"{SectionName}:{nameof(ClusterId)}",
        ["--silo-port"] = $"{SectionName}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{SectionName}:{nameof(GatewayPort)}",
    };

    /// <summary>The silo's name (logs, the silo column of the test tables). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The Npgsql connection string of the cluster's database: providers and test tables. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Which cluster's rows the providers use. Default: "default".</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>The silo-to-silo port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int SiloPort { get; set; }

    /// <summary>The port external clients connect to on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int GatewayPort { get; set; }

    /// <summary>Every problem with the options, each naming its switch.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add("--name (TestSilo:Name) is required");
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("--postgres (TestSilo:ConnectionString) is required");
        if (SiloPort is < 0 or > 65535)
            problems.Add($"--silo-port (TestSilo:SiloPort) must be 0..65535, not {SiloPort}");
        if (GatewayPort is < 0 or > 65535)
            problems.Add($"--gateway-port (TestSilo:GatewayPort) must be 0..65535, not {GatewayPort}");
        return problems;
    }
}
