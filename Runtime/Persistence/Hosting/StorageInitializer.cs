using Microsoft.Extensions.Hosting;

namespace QuantumScheduler.Runtime.Storage;

/// <summary>Creates and migrates a provider's database when the host starts, so a broken data directory, an
/// unreachable server or a schema from a newer build stops the start instead of failing the first grain call.</summary>
public sealed class StorageInitializer(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
