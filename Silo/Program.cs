using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Silo.Configuration;
using QuantumScheduler.Silo.Configuration.Scheduling;
using QuantumScheduler.Silo.Health;
using QuantumScheduler.Silo.Hosting;

// One silo of the scheduling service: embedded SQLite by default, PostgreSQL when a connection string is configured.
// Configuration: appsettings, the seed's config/production.yaml (--config) and its QUANTUM_SCHEDULER_* variables.
// Ctrl+C (SIGINT/SIGTERM) stops taking calls, deactivates every grain and exits 0, even in the middle of the start.
try
{
    var builder = WebApplication.CreateSlimBuilder(args);
    builder.Logging.AddSimpleConsole(console => console.SingleLine = true).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    builder.AddQuantumSchedulerConfiguration();
    var host = builder.AddSiloHostOptions();
    var storage = builder.SelectSiloStorage(host);
    builder.UseQuantumSchedulerSilo(silo => storage.AddTo(silo).AddSchedulingGrains(builder.Configuration));

    await using var app = builder.Build();
    app.MapHealthEndpoints();
    app.LogWhereTheSiloLives(host, storage);
    var lifetime = app.Lifetime;
    try
    {
        await app.StartAsync();
        await app.WaitForShutdownAsync();
    }
    catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
    {
        // Stopped (Ctrl+C, SIGTERM) while still starting: the start gives up, and what had started stops gracefully.
        await app.StopAsync();
    }
    return 0;
}
catch (Exception exception) when (ConfigurationError.Describe(exception) is { } problem)
{
    Console.Error.WriteLine($"Configuration error: {problem}");
    return 2;
}
