using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a temporary directory (trust authentication,
/// UTF8), started by pg_ctl on a free loopback port with its unix socket inside that directory, then stopped and
/// deleted on dispose. As root it runs as the <c>postgres</c> system user, because initdb refuses to run as root.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string SuperUser = "postgres";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"qs-postgres-{Guid.NewGuid():N}");
    private string? _binDirectory;
    private int _nextDatabase;

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>A database created for the run; tests isolate themselves in it with <see cref="NewSchema"/>.</summary>
    public string SharedConnectionString { get; private set; } = "";

    /// <summary>A schema name no other test uses, so each test sees empty tables without a database of its own.</summary>
    public static string NewSchema() => $"t_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinDirectory(InstallRoot);
        Directory.CreateDirectory(_root);
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: clean up here.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", _root], asServerUser: false);

        await RunAsync(Tool("initdb"), ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        // A port found free can be taken before the server binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
                    "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
        SharedConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = SuperUser, Database = database }.ToString();

    /// <summary>Creates a new, empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _nextDatabase)}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Where Debian's postgresql packages put each major version's binaries (<c>&lt;major&gt;/bin</c>).</summary>
    internal const string InstallRoot = "/usr/lib/postgresql";

    /// <summary>The bin directory of the newest major version under <paramref name="installRoot"/> that has initdb and pg_ctl.</summary>
    internal static string FindBinDirectory(string installRoot)
    {
        var candidates = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot).Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToArray()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {installRoot}/*/bin: install postgresql " +
            "(apt-get install postgresql) to run these tests.");
    }

    private string Tool(string name) => Path.Combine(_binDirectory!, name);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool to completion; as root, PostgreSQL's own tools run as the postgres user.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", SuperUser, "--", program })
                start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
