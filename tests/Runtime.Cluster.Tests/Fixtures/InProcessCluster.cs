using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.Cluster.Tests.Fixtures;

/// <summary>
/// Silos in this process, each a real host with its own container, listening on a free loopback port and forming a
/// static cluster (each new silo lists the ones before it). They share one in-memory grain directory, which stands in
/// for the PostgreSQL one. Dispose stops every silo still running.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    private static int s_siloCounter;
    private readonly List<ClusterSilo> _silos = [];

    public InProcessCluster(IReadOnlyDictionary<string, string?>? configuration = null) => Configuration = configuration ?? new Dictionary<string, string?>();

    public IGrainDirectory Directory { get; } = new LocalGrainDirectory();

    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public IReadOnlyList<ClusterSilo> Silos => _silos;

    public static async Task<InProcessCluster> StartAsync(int silos, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var cluster = new InProcessCluster(configuration);
        try
        {
            for (var i = 0; i < silos; i++)
                await cluster.StartSiloAsync();
            await cluster.WaitForViewsAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Starts a silo that knows every running silo as a seed; <paramref name="port"/> 0 picks a free one.</summary>
    public async Task<ClusterSilo> StartSiloAsync(int port = 0)
    {
        var name = $"cluster-silo-{Interlocked.Increment(ref s_siloCounter)}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?>(Configuration)
        {
            ["QuantumScheduler:Silo:SiloName"] = name,
            ["QuantumScheduler:Endpoints:SiloPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var seeds = _silos.Select(silo => $"{silo.Address.Host}:{silo.Address.Port}").ToList();
        for (var i = 0; i < seeds.Count; i++)
            settings[$"QuantumScheduler:Cluster:Silos:{i}"] = seeds[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseQuantumSchedulerSilo(silo => silo.Services.AddSingleton(Directory));
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
        var started = new ClusterSilo(name, host);
        _silos.Add(started);
        return started;
    }

    /// <summary>Waits until every running silo's view lists every running silo as active.</summary>
    public async Task WaitForViewsAsync()
    {
        var expected = _silos.Select(static silo => silo.Address).ToHashSet();
        await Eventually.TrueAsync(() => _silos.All(silo => expected.IsSubsetOf(silo.Membership.Current.ActiveSilos)),
            "every silo sees every other silo as active");
    }

    /// <summary>Ends a silo as a crash would: no deactivation, nothing unregistered, its sockets closed (as the
    /// operating system closes a dead process's sockets).</summary>
    public async Task KillSiloAsync(ClusterSilo silo)
    {
        await silo.Silo.KillAsync();
        await silo.Get<Networking.SiloConnectionManager>().DisposeAsync();
        await silo.Host.StopAsync();
        silo.Host.Dispose();
        _silos.Remove(silo);
    }

    public async Task StopSiloAsync(ClusterSilo silo)
    {
        await silo.Host.StopAsync();
        silo.Host.Dispose();
        _silos.Remove(silo);
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

/// <summary>One running silo of an <see cref="InProcessCluster"/>.</summary>
public sealed class ClusterSilo(string name, IHost host)
{
    public string Name { get; } = name;

    public IHost Host { get; } = host;

    public Silo Silo => Host.Services.GetRequiredService<Silo>();

    public SiloAddress Address => Host.Services.GetRequiredService<LocalSilo>().Address;

    public IClusterClient Client => Host.Services.GetRequiredService<IClusterClient>();

    public IClusterMembershipView Membership => Host.Services.GetRequiredService<IClusterMembershipView>();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public override string ToString() => $"{Name} ({Address})";
}
