using System.Net;
using System.Text.Json;
using Xunit;

namespace QuantumScheduler.Silo.Tests;

public sealed class SiloHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qs-silo-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_silo_starts_on_the_embedded_default_serves_health_and_stops_on_ctrl_c()
    {
        await using var silo = SiloProcess.Start(_directory);

        await silo.WaitForOutput("Silo silo-");
        var listening = await silo.WaitForOutput("Listening on");
        var dataDirectory = Path.Combine(_directory, "data");
        Assert.Contains(silo.Url, listening);
        Assert.Contains($"data directory: {dataDirectory}", listening);

        using var http = new HttpClient();
        var response = await http.GetAsync($"{silo.Url}/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Active", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, health.RootElement.GetProperty("probes").GetInt64());
        Assert.True(File.Exists(Path.Combine(dataDirectory, "quantum-scheduler.db")));

        Assert.Equal(0, await silo.InterruptAndWait());
        Assert.Contains(silo.Output, line => line.Contains("refusing new calls and deactivating 1 activations"));
        Assert.Contains(silo.Output, line => line.Contains("1 activations were deactivated"));
    }

    [Fact]
    public async Task Ctrl_c_in_the_middle_of_the_start_stops_what_started_and_exits_0()
    {
        await using var silo = SiloProcess.Start(_directory);

        // Printed by the storage initialisers, the first hosted services: the silo and the web server start after them.
        await silo.WaitForOutput("SQLite grain storage");

        Assert.Equal(0, await silo.InterruptAndWait());
        Assert.DoesNotContain(silo.Errors, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grain_state_written_at_shutdown_is_there_after_a_restart()
    {
        var environment = new Dictionary<string, string> { ["QUANTUM_SCHEDULER_DATA_DIR"] = Path.Combine(_directory, "state") };
        using var http = new HttpClient();

        await using (var first = SiloProcess.Start(_directory, environment))
        {
            await first.WaitForOutput("Listening on");
            await http.GetStringAsync($"{first.Url}/health");
            await http.GetStringAsync($"{first.Url}/health");
            Assert.Equal(0, await first.InterruptAndWait());
        }

        await using var second = SiloProcess.Start(_directory, environment);
        await second.WaitForOutput("Listening on");
        using var health = JsonDocument.Parse(await http.GetStringAsync($"{second.Url}/health"));
        Assert.Equal(3, health.RootElement.GetProperty("probes").GetInt64());
        Assert.Equal(0, await second.InterruptAndWait());
    }

    [Theory]
    [InlineData("QUANTUM_SCHEDULER_DATA_DIR", "{file}", "QUANTUM_SCHEDULER_DATA_DIR")]
    [InlineData("QuantumScheduler__Messaging__ResponseTimeout", "-00:00:05", "QuantumScheduler:Messaging:ResponseTimeout")]
    [InlineData("QuantumScheduler__GrainCollection__CollectionAge", "ten minutes", "QuantumScheduler:GrainCollection:CollectionAge")]
    [InlineData("QuantumScheduler__Host__Url", "not a url", "QuantumScheduler:Host:Url")]
    public async Task A_broken_configuration_value_stops_the_start_naming_the_key(string variable, string value, string key)
    {
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        await using var silo = SiloProcess.Start(_directory, new Dictionary<string, string> { [variable] = value.Replace("{file}", file) });

        var exitCode = await silo.WaitForExit();

        Assert.NotEqual(0, exitCode);
        var error = string.Join('\n', silo.Errors);
        Assert.Contains("Configuration error", error);
        Assert.Contains(key, error);
    }
}
