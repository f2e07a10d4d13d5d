using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.TestingHost;

/// <summary>
/// An in-process cluster for tests: real silo hosts, each with its own DI container, in one process.
/// Today a cluster has one silo (the cluster transport arrives later); it can be stopped gracefully,
/// killed, or restarted on the same providers. Dispose stops whatever still runs.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterOptions _options;
    private readonly List<TestSilo> _silos = [];
    /// <summary>Silo names are unique in the process, so metrics and logs of concurrent clusters stay apart.</summary>
    private static int s_siloCounter;

    internal TestCluster(TestClusterOptions options) => _options = options;

    public IReadOnlyList<TestSilo> Silos => _silos;

    /// <summary>The first running silo.</summary>
    public TestSilo Primary => _silos.FirstOrDefault(static silo => silo.Status == SiloStatus.Active)
        ?? throw new InvalidOperationException("No silo of the test cluster is running.");

    /// <summary>A client of the cluster (the primary silo's co-hosted client).</summary>
    public IClusterClient Client => Primary.Client;

    public IGrainFactory GrainFactory => Client;

    public TestStorageKind Storage => _options.Storage;

    /// <summary>Starts the cluster's silo.</summary>
    public async Task DeployAsync()
    {
        if (_silos.Count != 0)
            throw new InvalidOperationException("The test cluster is already deployed.");
        await StartSiloAsync();
    }

    /// <summary>Stops a silo gracefully: new calls are refused, every activation deactivates (state written).</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        await silo.Host.StopAsync();
        silo.Host.Dispose();
        _silos.Remove(silo);
    }

    /// <summary>Ends a silo abruptly: no deactivation runs and nothing is written, as in a crash.</summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        await silo.Silo.KillAsync();
        await silo.Host.StopAsync();
        silo.Host.Dispose();
        _silos.Remove(silo);
    }

    /// <summary>Stops <paramref name="silo"/> gracefully and starts a new silo on the same providers.</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo)
    {
        await StopSiloAsync(silo);
        return await StartSiloAsync();
    }

    /// <summary>Starts a silo on the cluster's providers (after a kill, say). One silo runs at a time for now.</summary>
    public async Task<TestSilo> StartSiloAsync()
    {
        if (_silos.Any(static silo => silo.Status == SiloStatus.Active))
            throw new NotSupportedException("A test cluster runs one silo at a time until silos can talk to each other.");
        var name = $"testsilo-{Interlocked.Increment(ref s_siloCounter)}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_options.Configuration);
        builder.Configuration.AddInMemoryCollection([new($"{Configuration.SiloOptions.SectionName}:SiloName", name)]);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseQuantumSchedulerSilo(silo =>
        {
            AddProviders(silo);
            foreach (var configure in _options.SiloConfigurations)
                configure(silo);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        var started = new TestSilo(name, host);
        _silos.Add(started);
        return started;
    }

    private void AddProviders(ISiloBuilder silo)
    {
        switch (_options.Storage)
        {
            case TestStorageKind.InMemory:
                silo.Services.AddInMemoryGrainStorage();
                silo.Services.AddInMemoryReminders();
                break;
            case TestStorageKind.Sqlite:
                var directory = _options.DataDirectory!;
                silo.Services.AddSqliteGrainStorageAsDefault(options => options.DataDirectory = directory);
                silo.Services.AddSqliteReminders(options => options.DataDirectory = directory);
                break;
        }
        silo.AddReminders();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.ToArray())
        {
            try
            {
                await StopSiloAsync(silo);
            }
            catch (OperationCanceledException)
            {
                silo.Host.Dispose();
            }
        }
    }
}
