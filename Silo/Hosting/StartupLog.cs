using QuantumScheduler.Silo.Configuration;
using QuantumScheduler.Silo.Storage;

namespace QuantumScheduler.Silo.Hosting;

/// <summary>Tells the operator, once the silo runs, where it listens and where its data lives.</summary>
internal static partial class StartupLog
{
    public static void LogWhereTheSiloLives(this WebApplication app, SiloHostOptions options, SiloStorage storage)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QuantumScheduler.Silo");
        app.Lifetime.ApplicationStarted.Register(() =>
            LogListening(logger, options.Url, $"{options.Url.TrimEnd('/')}/health", options.DataDirectory, storage.Description));
        app.Lifetime.ApplicationStopped.Register(() => LogExited(logger));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Url} (health: {HealthUrl}); data directory: {DataDirectory}; storage: {Storage}")]
    private static partial void LogListening(ILogger logger, string url, string healthUrl, string dataDirectory, string storage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo host exited cleanly.")]
    private static partial void LogExited(ILogger logger);
}
