using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Placement;

namespace QuantumScheduler.Bench.Cluster;

/// <summary>A silo host for the benchmark: embedded (no port) or clustered on a free loopback port with the given seeds.</summary>
internal sealed class BenchSilo(IHost host) : IAsyncDisposable
{
    public IHost Host { get; } = host;

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public LocalSilo Local => Host.Services.GetRequiredService<LocalSilo>();

    public IClusterMembershipView Membership => Host.Services.GetRequiredService<IClusterMembershipView>();

    public static async Task<BenchSilo> StartAsync(string name, bool clustered, params string[] seeds)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?> { ["QuantumScheduler:Silo:SiloName"] = name };
        if (clustered)
            settings["QuantumScheduler:Endpoints:SiloPort"] = "0";
        for (var i = 0; i < seeds.Length; i++)
            settings[$"QuantumScheduler:Cluster:Silos:{i}"] = seeds[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.UseQuantumSchedulerSilo(silo => silo.Services.AddKeyedSingleton<IPlacementDirector, RemotePlacementDirector>(RemotePlacementDirector.Strategy));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
