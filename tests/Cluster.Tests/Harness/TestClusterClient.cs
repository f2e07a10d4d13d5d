using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Client;
using QuantumScheduler.Runtime.Client.Messaging;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// The test process acting as an external client: a host running <c>UseQuantumSchedulerClient</c>, its log kept and
/// written to the test output on dispose, and a look at what the client did (retries, current gateway).
/// </summary>
public sealed class TestClusterClient : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentQueue<string> _log;
    private readonly ITestOutputHelper _output;

    private TestClusterClient(IHost host, ConcurrentQueue<string> log, ITestOutputHelper output)
    {
        _host = host;
        _log = log;
        _output = output;
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Calls resent after a gateway failed, left or refused them.</summary>
    public long Retries => _host.Services.GetRequiredService<ClientGrainReferenceRuntime>().Retries;

    /// <summary>The silo address of the gateway the client sends to now, or null between gateways.</summary>
    public string? CurrentGateway => _host.Services.GetRequiredService<GatewayConnector>().Current?.Gateway.ToString();

    /// <summary>Starts a client configured by <paramref name="configure"/> and waits until it is connected.</summary>
    public static async Task<TestClusterClient> StartAsync(ITestOutputHelper output, Action<IClientBuilder> configure)
    {
        var log = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new QueueLoggerProvider(log)).SetMinimumLevel(LogLevel.Information);
        builder.UseQuantumSchedulerClient(configure);
        var host = builder.Build();
        var client = new TestClusterClient(host, log, output);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
            try
            {
                _output.WriteLine($"---- client ----\n{string.Join('\n', _log)}");
            }
            catch (InvalidOperationException)
            {
                // The test is over; xunit takes no more output.
            }
        }
    }

    /// <summary>Keeps every log line, timestamped, for the test output.</summary>
    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
