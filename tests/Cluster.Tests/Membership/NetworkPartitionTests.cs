using System.Diagnostics;
using System.Net;
using Npgsql;
using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>
/// One silo of three cut off from the other two by a network namespace (it still reaches the database): the others
/// declare it dead, it reads that and stops itself, and no grain ends up with two live activations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NetworkPartitionTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const string GrainType = "cluster-test-reminded-activation-recorder";
    private const int Grains = 24;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);
    private MembershipTableProbe _membership = null!;
    private NetworkNamespace? _network;
    private TcpRelay? _databaseRelay;
    private ProcessSilo? _isolated;

    public Task InitializeAsync()
    {
        _membership = new MembershipTableProbe(database.ConnectionString, _cluster.ClusterId);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_isolated is not null)
        {
            log.WriteLine(_isolated.Transcript());
            await _isolated.DisposeAsync();
        }
        await _cluster.DisposeAsync();
        if (_databaseRelay is not null)
            await _databaseRelay.DisposeAsync();
        if (_network is not null)
            await _network.DisposeAsync();
        await _membership.DisposeAsync();
    }

    [Fact]
    public async Task A_silo_cut_off_from_the_others_is_declared_dead_stops_itself_and_leaves_no_grain_with_two_activations()
    {
        _network = await NetworkNamespace.CreateAsync();
        var database = new NpgsqlConnectionStringBuilder(DatabaseConnectionString);
        _databaseRelay = new TcpRelay(IPAddress.Parse(_network.HostDatabaseAddress), new IPEndPoint(IPAddress.Parse(database.Host!), database.Port));
        ShortMembershipSettings.ApplyTo(_cluster.Environment);
        _cluster.Environment[AdvertisedHostVariable] = _network.HostSiloAddress;
        await _cluster.StartSilosAsync(2);
        _isolated = await StartIsolatedSiloAsync(_network, _databaseRelay.Endpoint, database);
        Assert.Equal(3, (await _membership.ActiveSilosAsync()).Count);

        var keys = Enumerable.Range(0, Grains).Select(static i => $"partition-{i}").ToArray();
        await RegisterRemindersAsync(keys);
        await WaitUntilAsync(async () => (await LiveActivationsAsync(keys)).Select(static row => row.GrainKey).Distinct().Count() == keys.Length, TimeSpan.FromSeconds(40),
            "every grain activated by its reminder");
        var onIsolated = (await LiveActivationsAsync(keys)).Where(row => row.Silo == _isolated.Name).Select(static row => row.GrainKey).ToArray();
        Assert.NotEmpty(onIsolated); // else the test would prove nothing about the isolated silo's grains

        var cut = Stopwatch.StartNew();
        await _network.CutSiloTrafficAsync();
        await _membership.WaitForStatusAsync(_isolated.Ready.Silo, SiloStatus.Dead, TimeSpan.FromSeconds(60));
        var declared = cut.Elapsed;
        var exitCode = await _isolated.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var stopped = cut.Elapsed;
        // Its grains come back on the survivors at their next reminder tick.
        await WaitUntilAsync(async () =>
        {
            var live = await LiveActivationsAsync(keys);
            return onIsolated.All(key => LiveOn(key, _cluster.Running, live));
        }, TimeSpan.FromSeconds(30),
            "every grain of the isolated silo re-activated on a survivor");

        var row = await _membership.RowAsync(_isolated.Ready.Silo);
        log.WriteLine($"network cut -> Dead row {declared.TotalSeconds:F1} s, isolated silo exited (code {exitCode}) {stopped.TotalSeconds:F1} s after the cut; " +
            $"{onIsolated.Length} of its grains re-activated on survivors; row: {MembershipTableProbe.Describe(row)}");
        Assert.InRange(declared, TimeSpan.Zero, ShortMembershipSettings.Options.WorstCaseDetectionTime + TimeSpan.FromSeconds(7));
        Assert.Equal(TerminateProcessWhenDeclaredDead.ExitCode, exitCode);
        Assert.Contains(_isolated.Output, static line => line.Contains("declared dead", StringComparison.Ordinal));
        Assert.DoesNotContain(_isolated.Output, static line => line.Contains("is stopping", StringComparison.Ordinal)); // no graceful stop: fast kill
        var live = await LiveActivationsAsync(keys);
        Assert.All(keys, key => Assert.True(live.Count(activation => activation.GrainKey == key) <= 1,
            $"grain {key} has {live.Count(activation => activation.GrainKey == key)} live activations: {string.Join(", ", live.Where(activation => activation.GrainKey == key))}"));
        // The directory (one row per grain by its key) names, for each moved grain, the survivor its live activation is on.
        var directory = await DirectoryAsync();
        foreach (var key in onIsolated)
        {
            var holder = _cluster.Running.Single(silo => silo.ProcessId == live.Single(activation => activation.GrainKey == key).ProcessId);
            Assert.Equal(holder.Ready.Silo, directory.GetValueOrDefault($"{GrainType}/{key}"));
        }
    }

    private const string AdvertisedHostVariable = "QuantumScheduler__Endpoints__AdvertisedHost";

    private string DatabaseConnectionString => database.ConnectionString;

    /// <summary>The third silo, inside the namespace, reaching the database through the relay.</summary>
    private async Task<ProcessSilo> StartIsolatedSiloAsync(NetworkNamespace network, IPEndPoint relay, NpgsqlConnectionStringBuilder database)
    {
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = relay.Address.ToString(), Port = relay.Port };
        var environment = new Dictionary<string, string>(_cluster.Environment) { [AdvertisedHostVariable] = network.IsolatedSiloAddress };
        var silo = ProcessSilo.Start(new ProcessSiloSettings("silo-isolated", throughRelay.ConnectionString, _cluster.ClusterId, environment, Launcher: network.Launcher));
        await silo.WaitForReadyAsync(ClusterProcesses.ReadyTimeout);
        return silo;
    }

    private async Task RegisterRemindersAsync(IEnumerable<string> keys)
    {
        await using var reminders = new PostgreSqlReminderTable(new PostgreSqlReminderTableOptions { ConnectionString = DatabaseConnectionString });
        var start = DateTime.UtcNow.AddSeconds(1);
        foreach (var key in keys)
            await reminders.UpsertRowAsync(new ReminderEntry { GrainId = new GrainId(GrainType, key), ReminderName = "tick", StartAt = start, Period = TimeSpan.FromSeconds(1) }, CancellationToken.None);
    }

    /// <summary>Activations not deactivated, on processes that still run.</summary>
    private async Task<IReadOnlyList<ActivationRow>> LiveActivationsAsync(IReadOnlyList<string> keys)
    {
        var running = _cluster.Running.Select(static silo => silo.ProcessId).ToHashSet();
        if (_isolated is { HasExited: false })
            running.Add(_isolated.ProcessId);
        return (await database.ActivationsAsync("partition-")).Where(row => !row.Deactivated && running.Contains(row.ProcessId) && keys.Contains(row.GrainKey)).ToArray();
    }

    /// <summary>The grain directory's rows of the test grains: grain id to the silo address it names.</summary>
    private async Task<IReadOnlyDictionary<string, string>> DirectoryAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_id, silo_host, silo_port, silo_generation FROM grain_directory WHERE cluster_id = @cluster AND grain_id LIKE @prefix;", connection);
        command.Parameters.AddWithValue("cluster", _cluster.ClusterId);
        command.Parameters.AddWithValue("prefix", GrainType + "/partition-%");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0), new SiloAddress(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)).ToString());
        return rows;
    }

    private static bool LiveOn(string key, IReadOnlyList<ProcessSilo> silos, IReadOnlyList<ActivationRow> live) =>
        live.Any(row => row.GrainKey == key && silos.Any(silo => silo.ProcessId == row.ProcessId));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"Not true within {timeout}: {what}.");
            await Task.Delay(200);
        }
    }
}
