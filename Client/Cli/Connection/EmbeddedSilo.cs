using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuantumScheduler.Client;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Cli.Connection;

/// <summary>
/// A whole silo with the scheduling grains inside the qs process (<c>--embedded</c>): grain state and reminders in
/// SQLite under the data directory, so jobs, results, budgets and costs outlive the process and the next
/// <c>--embedded</c> command sees them.
/// </summary>
internal sealed class EmbeddedSilo(IHost host) : IClusterSession
{
    public QuantumSchedulerClient Client { get; } = new(host.Services.GetRequiredService<IClusterClient>());

    public bool IsEmbedded => true;

    public static async Task<EmbeddedSilo> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var builder = CliHost.CreateBuilder();
            builder.UseQuantumSchedulerSilo(silo =>
            {
                silo.Services.AddSqliteGrainStorageAsDefault(options => options.DataDirectory = dataDirectory);
                silo.Services.AddSqliteReminders(options => options.DataDirectory = dataDirectory);
                silo.AddReminders();
                silo.AddSchedulingGrains(builder.Configuration);
            });
            host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new EmbeddedSilo(host);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            host?.Dispose();
            throw new CannotConnectException($"The embedded silo (data directory {dataDirectory}) did not start: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
    }
}
