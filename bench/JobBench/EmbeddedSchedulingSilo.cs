using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Client;
using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Bench.Jobs;

/// <summary>An embedded silo with the scheduling grains in this process, and jobs submitted to it through the SDK.</summary>
public sealed class EmbeddedSchedulingSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _dataDirectory;
    private readonly QuantumSchedulerClient _client;

    private EmbeddedSchedulingSilo(IHost host, string? dataDirectory)
    {
        _host = host;
        _dataDirectory = dataDirectory;
        _client = new QuantumSchedulerClient(host.Services.GetRequiredService<IClusterClient>());
    }

    public static async Task<EmbeddedSchedulingSilo> StartAsync(JobStorage storage)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(static console => console.SingleLine = true);
        // Health solves would run beside the measured jobs.
        builder.Configuration["QuantumScheduler:Backends:HealthCheckInterval"] = "00:00:00";
        string? dataDirectory = null;
        builder.UseQuantumSchedulerSilo(silo =>
        {
            if (storage is JobStorage.Sqlite or JobStorage.SqliteNormalSync)
            {
                dataDirectory = Directory.CreateTempSubdirectory("qs-jobbench-").FullName;
                var synchronous = storage == JobStorage.Sqlite ? SqliteSynchronousMode.Full : SqliteSynchronousMode.Normal;
                silo.Services.AddSqliteGrainStorageAsDefault(options => (options.DataDirectory, options.Synchronous) = (dataDirectory, synchronous));
                silo.Services.AddSqliteReminders(options => (options.DataDirectory, options.Synchronous) = (dataDirectory, synchronous));
            }
            else
            {
                silo.Services.AddInMemoryGrainStorage();
                silo.Services.AddInMemoryReminders();
            }
            silo.AddReminders();
            silo.AddSchedulingGrains(builder.Configuration);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedSchedulingSilo(host, dataDirectory);
    }

    /// <summary>Where the sequential jobs' time went, from the jobs' own transition times (means over the last run).</summary>
    public StageTimes Stages { get; } = new();

    public async Task<double[]> RunSequentialAsync(int count)
    {
        Stages.Clear();
        return await JobLoop.SequentialAsync(async () =>
        {
            var submittedAt = DateTimeOffset.UtcNow;
            var job = await RunJobAsync();
            Stages.Add(submittedAt, job, DateTimeOffset.UtcNow);
        }, count);
    }

    public Task<TimeSpan> RunConcurrentAsync(int count, int concurrency) => JobLoop.ConcurrentAsync(RunJobAsync, count, concurrency);

    /// <summary>Submit to result: the job is submitted, awaited to its end and its result read, as a user would.</summary>
    private async Task<Grains.Jobs.JobSnapshot> RunJobAsync()
    {
        var options = new SubmitOptions { Backend = TinyProblem.Backend, TimeLimit = TinyProblem.TimeLimit, UseCache = false, Tenant = "bench" };
        var job = await _client.SubmitAsync(TinyProblem.Json, options);
        var ended = await _client.WaitAsync(job.JobId, TimeSpan.FromMinutes(1));
        var result = await _client.GetResultAsync(job.JobId);
        if (result is not { IsFeasible: true })
            throw new InvalidOperationException($"Job {job.JobId} ended without a feasible result.");
        return ended;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_dataDirectory is not null)
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
