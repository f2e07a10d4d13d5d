namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>How to start one ClusterTestSilo process; a restart reuses them.</summary>
/// <param name="Name">The silo's name (<c>--name</c>).</param>
/// <param name="ConnectionString">The cluster database (<c>--postgres</c>).</param>
/// <param name="ClusterId">The cluster's id in the membership table and directory (<c>--cluster-id</c>).</param>
/// <param name="Environment">Extra environment variables, e.g. <c>QuantumScheduler__Messaging__ResponseTimeout</c>.</param>
/// <param name="SiloPort">The silo-to-silo port; 0 lets the silo pick a free one.</param>
/// <param name="GatewayPort">The gateway port; 0 lets the silo pick a free one.</param>
/// <param name="Launcher">A command the silo runs under (e.g. <c>ip netns exec ns</c>, which replaces itself with the
/// silo, so the process id stays the silo's); none when null.</param>
public sealed record ProcessSiloSettings(
    string Name,
    string ConnectionString,
    string ClusterId,
    IReadOnlyDictionary<string, string> Environment,
    int SiloPort = 0,
    int GatewayPort = 0,
    IReadOnlyList<string>? Launcher = null)
{
    /// <summary>The command-line arguments after the program's path.</summary>
    public IEnumerable<string> Arguments() =>
    [
        "--name", Name,
        "--postgres", ConnectionString,
        "--cluster-id", ClusterId,
        "--silo-port", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--gateway-port", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
