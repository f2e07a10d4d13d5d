using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Silo.Configuration;

namespace QuantumScheduler.Silo.Health;

/// <summary><c>GET /health</c>: 200 with the silo's status when a probe call succeeds, 503 otherwise.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthEndpoints(this WebApplication app) =>
        app.MapGet("/health", async (Runtime.Hosting.Silo silo, IClusterClient client, SiloHostOptions options) =>
        {
            var report = new HealthReport(silo.Status.ToString(), silo.Name, silo.ActivationCount, options.DataDirectory, null, null);
            if (silo.Status != SiloStatus.Active)
                return Results.Json(report, HealthJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
            try
            {
                var probes = await client.GetGrain<IHealthProbeGrain>(silo.Name).Probe().WaitAsync(ProbeTimeout);
                return Results.Json(report with { Probes = probes, Activations = silo.ActivationCount }, HealthJsonContext.Default.HealthReport);
            }
            catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or InvalidOperationException)
            {
                return Results.Json(report with { Error = exception.Message }, HealthJsonContext.Default.HealthReport, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
