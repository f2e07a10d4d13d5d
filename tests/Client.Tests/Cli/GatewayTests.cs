using System.Net;
using System.Net.Sockets;
using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Client.Tests.Cli;

/// <summary>qs against a running silo through its client gateway and the runtime's external client.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private readonly int _gatewayPort = FreePort();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder()
            // A gateway belongs to a clustered silo: a silo port too (a cluster of one, on its static view).
            .AddConfiguration("QuantumScheduler:Endpoints:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddConfiguration("QuantumScheduler:Endpoints:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddConfiguration("QuantumScheduler:Backends:HealthCheckInterval", "00:00:00")
            .ConfigureSilo(static silo => silo.AddSchedulingGrains(silo.Configuration))
            .Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Submit_watch_and_result_go_through_the_gateway()
    {
        var gateway = $"127.0.0.1:{_gatewayPort}";

        var submit = await CliRunner.RunRealAsync("submit", Examples.PathOf("release-with-dependencies.json"), "--gateway", gateway, "--watch",
            "--backend", "classical-tabu", "--time-limit", "0.5");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Contains("Completed", submit.Output, StringComparison.Ordinal);

        var backends = await CliRunner.RunRealAsync("backends", "--gateway", gateway);
        Assert.True(backends.ExitCode == 0, backends.ToString());
        Assert.Contains("classical-tabu", backends.Output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
