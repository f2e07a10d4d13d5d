using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using Xunit;

namespace QuantumScheduler.Silo.Tests;

/// <summary>The real silo process on a throwaway PostgreSQL server, selected by a connection string.</summary>
public sealed class SiloPostgreSqlTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private const string ConnectionStringVariable = "QUANTUM_SCHEDULER_POSTGRES";
    private readonly string _directory = Directory.CreateTempSubdirectory("qs-silo-pg-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_connection_string_puts_grain_state_in_postgresql_where_it_survives_a_restart()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var environment = new Dictionary<string, string> { [ConnectionStringVariable] = connectionString };
        using var http = new HttpClient();

        await using (var first = SiloProcess.Start(_directory, environment))
        {
            var listening = await first.WaitForOutput("Listening on");
            Assert.Contains($"storage: PostgreSQL 127.0.0.1:{server.Port}/{database} (grain state and reminders;", listening);
            Assert.Contains("a single silo: set QuantumScheduler:Endpoints:SiloPort", listening);
            Assert.Equal(1, await Probes(http, first));
            Assert.Equal(2, await Probes(http, first));
            Assert.Equal(0, await first.InterruptAndWait());
        }
        Assert.Equal(1, await StoredProbeRows(connectionString));

        await using var second = SiloProcess.Start(_directory, environment);
        await second.WaitForOutput("Listening on");
        Assert.Equal(3, await Probes(http, second));
        Assert.Equal(0, await second.InterruptAndWait());

        Assert.False(File.Exists(Path.Combine(_directory, "data", "quantum-scheduler.db")), "no SQLite file when PostgreSQL is configured");
    }

    [Fact]
    public async Task With_a_silo_port_two_silo_processes_form_one_cluster_in_postgresql_and_the_leaver_is_marked_dead()
    {
        var connectionString = await server.CreateDatabaseAsync();
        Dictionary<string, string> Clustered(string name) => new()
        {
            [ConnectionStringVariable] = connectionString,
            ["QuantumScheduler__Endpoints__SiloPort"] = "0",
            ["QuantumScheduler__Silo__SiloName"] = name,
        };
        using var http = new HttpClient();
        await using var alpha = SiloProcess.Start(_directory, Clustered("alpha"));
        var listening = await alpha.WaitForOutput("Listening on");
        Assert.Contains("membership and grain directory of cluster 'default'", listening);
        await using var beta = SiloProcess.Start(_directory, Clustered("beta"));
        await beta.WaitForOutput("Listening on");

        Assert.Equal(2, await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 3"));
        // Each silo's probe grain is placed on either silo (random placement) and registered once in the shared directory.
        Assert.Equal(1, await Probes(http, alpha));
        Assert.Equal(1, await Probes(http, beta));
        Assert.Equal(2, await Probes(http, alpha));
        Assert.Equal(2, await Count(connectionString, "SELECT count(*) FROM grain_directory WHERE grain_id LIKE 'healthprobe%'"));

        Assert.Equal(0, await beta.InterruptAndWait());
        Assert.Equal(1, await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 3"));
        Assert.Equal(1, await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 6"));
        Assert.Equal(0, await alpha.InterruptAndWait());
    }

    [Fact]
    public async Task The_local_process_provisioner_adds_a_silo_that_joins_the_postgresql_cluster_and_removes_it_gracefully()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var alpha = SiloProcess.Start(_directory, new Dictionary<string, string>
        {
            [ConnectionStringVariable] = connectionString,
            ["QuantumScheduler__Endpoints__SiloPort"] = "0",
            ["QuantumScheduler__Silo__SiloName"] = "alpha",
        });
        await alpha.WaitForOutput("Listening on");
        // As the autoscaler in a clustered silo has it: this silo's endpoints say clustered, and the connection string
        // goes to the started silos on their command line.
        await using var provisioner = new LocalProcessProvisioner(
            Options.Create(new LocalProcessProvisionerOptions
            {
                SiloAssemblyPath = Path.Combine(AppContext.BaseDirectory, "QuantumScheduler.Silo.dll"),
                DataDirectory = Path.Combine(_directory, "autoscaled"),
                Arguments = [$"--ConnectionStrings:QuantumScheduler={connectionString}"],
            }),
            Options.Create(new EndpointOptions { SiloPort = 11111 }), NullLogger<LocalProcessProvisioner>.Instance);

        var up = await provisioner.ScaleAsync("default", currentSilos: 1, targetSilos: 2);
        var started = Assert.Single(provisioner.GetSilos("default"));
        await WaitUntilAsync(async () => await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 3") == 2);
        // Stopped once it serves: a SIGTERM in the middle of its start would not be a graceful leave.
        using var http = new HttpClient();
        await WaitUntilAsync(async () => (await TryGetAsync(http, $"{started.HttpUrl}/health")) is not null);
        var down = await provisioner.ScaleAsync("default", currentSilos: 2, targetSilos: 1);

        Assert.True(up.Applied, up.Detail);
        Assert.True(down.Detail.Contains("exit code 0", StringComparison.Ordinal), down.Detail);
        Assert.Equal(1, await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 3"));
        Assert.Equal(1, await Count(connectionString, "SELECT count(*) FROM membership WHERE status = 6"));
        Assert.Equal(0, await alpha.InterruptAndWait());
        Assert.Empty(provisioner.GetSilos("default"));
        Assert.StartsWith("autoscaled-default-1", started.Name);
    }

    private static async Task<string?> TryGetAsync(HttpClient http, string url)
    {
        try
        {
            return await http.GetStringAsync(url);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
            await Task.Delay(200, timeout.Token);
    }

    [Fact]
    public async Task A_silo_port_without_postgresql_is_a_configuration_error()
    {
        await using var silo = SiloProcess.Start(_directory, new Dictionary<string, string> { ["QuantumScheduler__Endpoints__SiloPort"] = "0" });

        Assert.Equal(2, await silo.WaitForExit());
        Assert.Contains("QuantumScheduler:Endpoints:SiloPort is set, so the silo runs clustered, which needs PostgreSQL", string.Join('\n', silo.Errors));
    }

    [Fact]
    public async Task Without_a_connection_string_the_log_names_the_sqlite_file()
    {
        await using var silo = SiloProcess.Start(_directory);

        var listening = await silo.WaitForOutput("Listening on");

        Assert.Contains($"storage: SQLite {Path.Combine(_directory, "data", "quantum-scheduler.db")}", listening);
        Assert.Equal(0, await silo.InterruptAndWait());
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=abc", "is not a valid PostgreSQL connection string")]
    [InlineData("Hots=127.0.0.1", "is not a valid PostgreSQL connection string")]
    [InlineData("Database=scheduler;Username=qs", "names no Host")]
    [InlineData("Host=127.0.0.1;Port={closed-port};Username=postgres;Password=s3cret-word", "cannot connect to 127.0.0.1:{closed-port}/postgres")]
    [InlineData("{server};Database=no_such_database", "cannot connect to 127.0.0.1:{server-port}/no_such_database")]
    public async Task A_bad_connection_string_stops_the_start_with_exit_code_2_naming_the_key(string connectionString, string problem)
    {
        var closedPort = ClosedPort().ToString();
        string Fill(string text) => text.Replace("{closed-port}", closedPort).Replace("{server-port}", server.Port.ToString())
            .Replace("{server}", server.ConnectionString());
        await using var silo = SiloProcess.Start(_directory, new Dictionary<string, string> { [ConnectionStringVariable] = Fill(connectionString) });

        var exitCode = await silo.WaitForExit();

        var error = string.Join('\n', silo.Errors);
        Assert.True(exitCode == 2, $"exit code {exitCode}; errors:\n{error}");
        Assert.Contains("Configuration error: QUANTUM_SCHEDULER_POSTGRES (ConnectionStrings:QuantumScheduler)", error);
        Assert.Contains(Fill(problem), error);
        Assert.DoesNotContain("s3cret-word", error + string.Join('\n', silo.Output));
    }

    [Fact]
    public async Task The_connection_string_can_come_from_configuration()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__QuantumScheduler"] = connectionString };
        await using var silo = SiloProcess.Start(_directory, environment);

        var listening = await silo.WaitForOutput("Listening on");

        Assert.Contains($"storage: PostgreSQL 127.0.0.1:{server.Port}/", listening);
        Assert.Equal(0, await silo.InterruptAndWait());
    }

    private static async Task<long> Probes(HttpClient http, SiloProcess silo)
    {
        using var health = JsonDocument.Parse(await http.GetStringAsync($"{silo.Url}/health"));
        return health.RootElement.GetProperty("probes").GetInt64();
    }

    private static async Task<long> Count(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The probe grain's row, read straight from PostgreSQL: proof the state went there, not to SQLite.</summary>
    private static async Task<long> StoredProbeRows(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM grain_state WHERE grain_type = 'healthprobe' AND state_name = 'probes' AND payload IS NOT NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
