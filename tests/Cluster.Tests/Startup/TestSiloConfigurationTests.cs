using QuantumScheduler.Cluster.Tests.Harness;

namespace QuantumScheduler.Cluster.Tests.Startup;

/// <summary>The test silo refuses to start on incomplete settings, naming what is missing.</summary>
public sealed class TestSiloConfigurationTests
{
    [Fact]
    public async Task A_silo_without_a_connection_string_exits_with_code_2_naming_the_switch()
    {
        await using var silo = ProcessSilo.Start(new ProcessSiloSettings("lonely", ConnectionString: "", "default", new Dictionary<string, string>()));

        var exitCode = await silo.WaitForExitAsync(ClusterProcesses.StopTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains(silo.Output, static line => line.Contains("--postgres (TestSilo:ConnectionString) is required", StringComparison.Ordinal));
    }
}
