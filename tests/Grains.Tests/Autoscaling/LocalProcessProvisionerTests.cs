using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Grains.Tests.Costs;
using QuantumScheduler.Runtime.Configuration;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

/// <summary>
/// Starts and stops the real silo (the built QuantumScheduler.Silo, embedded SQLite in a temporary data directory).
/// Not clustered, the started silo runs as an independent one-silo cluster (joining a PostgreSQL cluster: Silo.Tests).
/// </summary>
public sealed class LocalProcessProvisionerTests
{
    /// <summary>The silo built next to these tests: Silo/bin/&lt;configuration&gt;/net10.0/QuantumScheduler.Silo.dll.</summary>
    private static string SiloAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var targetFramework = testOutput.Name;
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Silo", "QuantumScheduler.Silo.csproj")))
                return Path.Combine(directory.FullName, "Silo", "bin", configuration, targetFramework, "QuantumScheduler.Silo.dll");
        }
        throw new InvalidOperationException($"No Silo project above {testOutput.FullName}.");
    }

    [Fact]
    public async Task It_starts_a_real_silo_process_and_stops_it_gracefully_with_sigterm()
    {
        using var directory = new TempDirectory();
        var provisioner = new LocalProcessProvisioner(Options.Create(new LocalProcessProvisionerOptions
        {
            SiloAssemblyPath = SiloAssembly(),
            DataDirectory = directory.Path,
            StopTimeout = TimeSpan.FromSeconds(30),
        }), Options.Create(new EndpointOptions()), NullLogger<LocalProcessProvisioner>.Instance);
        try
        {
            Assert.Equal(1, provisioner.CountSilos("Test Cluster"));

            var up = await provisioner.ScaleAsync("Test Cluster", currentSilos: 1, targetSilos: 2);
            var silo = Assert.Single(provisioner.GetSilos("Test Cluster"));

            Assert.True(up.Applied);
            Assert.Equal("autoscaled-test-cluster-1", silo.Name);
            Assert.Equal(2, provisioner.CountSilos("Test Cluster"));
            Assert.True(IsRunning(silo.ProcessId));
            var health = await HealthAsync(silo.HttpUrl);
            Assert.Equal("autoscaled-test-cluster-1", health.GetProperty("silo").GetString());
            Assert.StartsWith(silo.DataDirectory, health.GetProperty("dataDirectory").GetString());

            var down = await provisioner.ScaleAsync("Test Cluster", currentSilos: 2, targetSilos: 1);

            Assert.True(down.Applied);
            Assert.Contains("exit code 0", down.Detail); // SIGTERM: a graceful stop, not a kill
            Assert.Empty(provisioner.GetSilos("Test Cluster"));
            Assert.False(IsRunning(silo.ProcessId));
            var nothingToStop = await provisioner.ScaleAsync("Test Cluster", currentSilos: 1, targetSilos: 0);
            Assert.False(nothingToStop.Applied);
        }
        finally
        {
            await provisioner.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_missing_silo_assembly_is_named_in_the_error()
    {
        var provisioner = new LocalProcessProvisioner(Options.Create(new LocalProcessProvisionerOptions { SiloAssemblyPath = "/nowhere/Silo.dll" }), Options.Create(new EndpointOptions()),
            NullLogger<LocalProcessProvisioner>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provisioner.ScaleAsync("c", 1, 2));

        Assert.Contains("QuantumScheduler:Autoscaler:LocalProcess:SiloAssemblyPath \"/nowhere/Silo.dll\"", error.Message);
        Assert.Empty(provisioner.GetSilos("c"));
    }

    /// <summary>Polls the silo's /health until it answers 200 (a cold start of the process takes a few seconds).</summary>
    private static async Task<JsonElement> HealthAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"{url}/health");
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The started silo did not answer {url}/health within 90 s.");
            await Task.Delay(200);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
