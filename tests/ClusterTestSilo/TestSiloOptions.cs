namespace QuantumScheduler.ClusterTestSilo;

/// <summary>What one test silo process is told: from the command line (<c>--name silo-1 --postgres "Host=…"</c>) or
/// the environment (<c>TestSilo__Name</c>, <c>TestSilo__ConnectionString</c>, …). <c>--silo-port</c> and
/// <c>--gateway-port</c> set the runtime's <c>QuantumScheduler:Endpoints</c> options (0 picks a free port).</summary>
public sealed class TestSiloOptions
{
    public const string SectionName = "TestSilo";

    /// <summary>The command-line switches and the option each one sets.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--name"] = $"{SectionName}:{nameof(Name)}",
        ["--postgres"] = $"{SectionName}:{nameof(ConnectionString)}",
        ["--cluster-id"] = $"{SectionName}:{nameof(ClusterId)}",
        // The ports are the runtime's own endpoint options; the switches are shorthands.
        ["--silo-port"] = "QuantumScheduler:Endpoints:SiloPort",
        ["--gateway-port"] = "QuantumScheduler:Endpoints:GatewayPort",
    };

    /// <summary>The silo's name (logs, the silo column of the test tables). Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The Npgsql connection string of the cluster's database: providers and test tables. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Which cluster's rows the providers use. Default: "default".</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>Every problem with the options, each naming its switch.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add("--name (TestSilo:Name) is required");
        if (string.IsNullOrWhiteSpace(ConnectionString))
            problems.Add("--postgres (TestSilo:ConnectionString) is required");
        return problems;
    }
}
