using Microsoft.Extensions.Hosting;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Hosting;

/// <summary>Creates and migrates a provider's database when the host starts, so a broken data directory or a
/// database from a newer build stops the start instead of failing the first grain call.</summary>
internal sealed class SqliteInitializer(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
