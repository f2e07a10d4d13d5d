using Microsoft.Extensions.Hosting;

namespace QuantumScheduler.Runtime.Storage.PostgreSql.Hosting;

/// <summary>Creates and migrates a provider's schema when the host starts, so an unreachable database or a schema
/// from a newer build stops the start instead of failing the first grain call.</summary>
internal sealed class PostgreSqlInitializer(Func<CancellationToken, Task> initialize) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initialize(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
