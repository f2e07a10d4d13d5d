using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.ClusterTestSilo;

/// <summary>Creates the <see cref="TestTables"/> while the silo starts, before any grain can record into them.</summary>
internal sealed class TestTablesInitializer(IOptions<TestSiloOptions> options) : ISiloLifecycleParticipant
{
    public int Stage => SiloLifecycleStage.RuntimeStorage;

    public Task StartAsync(CancellationToken cancellationToken) => TestTables.CreateAsync(options.Value.ConnectionString, cancellationToken);

    public Task OnShuttingDownAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
