using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.ClusterTestSilo;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Cluster.Tests.Directory;

/// <summary>
/// A fourth silo, hosted in the test process, that joins the silo processes' cluster (PostgreSQL membership and grain
/// directory) and makes the test's calls. It hosts the test grains too, so placement spreads them over all four silos.
/// </summary>
internal sealed class CallerSilo(IHost host) : IAsyncDisposable
{
    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => host.Services;

    public static async Task<CallerSilo> StartAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantumScheduler:Endpoints:SiloPort"] = "0",
            [$"{TestSiloOptions.SectionName}:{nameof(TestSiloOptions.Name)}"] = "caller",
            [$"{TestSiloOptions.SectionName}:{nameof(TestSiloOptions.ConnectionString)}"] = connectionString,
            [$"{TestSiloOptions.SectionName}:{nameof(TestSiloOptions.ClusterId)}"] = clusterId,
        });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<TestSiloOptions>(builder.Configuration.GetSection(TestSiloOptions.SectionName));
        builder.Services.AddSingleton<TestRecorder>();
        builder.UseQuantumSchedulerSilo(silo =>
        {
            silo.UseSiloName("caller");
            silo.Services.AddPostgreSqlGrainStorageAsDefault(storage => storage.ConnectionString = connectionString);
            silo.Services.AddPostgreSqlGrainDirectory(directory =>
            {
                directory.ConnectionString = connectionString;
                directory.ClusterId = clusterId;
            });
            silo.UsePostgreSqlClustering(table =>
            {
                table.ConnectionString = connectionString;
                table.ClusterId = clusterId;
            });
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
        return new CallerSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
