using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantumScheduler.ClusterTestSilo;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

// One silo of a test cluster: PostgreSQL for grain state, reminders, the grain directory and membership, the test grains, a READY line once it serves.
// SIGTERM (or Ctrl+C) stops it gracefully and exits 0; a configuration problem exits 2 naming the switch.
var builder = Host.CreateApplicationBuilder();
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = TestSiloDefaults.Configuration });
builder.Configuration.AddCommandLine(args, TestSiloOptions.SwitchMappings.ToDictionary());
var options = builder.Configuration.GetSection(TestSiloOptions.SectionName).Get<TestSiloOptions>() ?? new TestSiloOptions();
if (options.Problems() is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"Configuration error: {string.Join("; ", problems)}");
    return 2;
}

builder.Logging.ClearProviders().AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
});
// The host must outwait the silo's own graceful stop (SiloOptions.ShutdownTimeout, 30 s by default).
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(1));
builder.Services.Configure<TestSiloOptions>(builder.Configuration.GetSection(TestSiloOptions.SectionName));
builder.Services.AddSingleton<TestRecorder>();
builder.Services.AddSingleton<ISiloLifecycleParticipant, TestTablesInitializer>();
builder.UseQuantumSchedulerSilo(silo =>
{
    silo.UseSiloName(options.Name);
    silo.Services.AddPostgreSqlGrainStorageAsDefault(storage => storage.ConnectionString = options.ConnectionString);
    silo.Services.AddPostgreSqlReminders(reminders => reminders.ConnectionString = options.ConnectionString);
    silo.Services.AddPostgreSqlGrainDirectory(directory =>
    {
        directory.ConnectionString = options.ConnectionString;
        directory.ClusterId = options.ClusterId;
    });
    silo.UsePostgreSqlClustering(table =>
    {
        table.ConnectionString = options.ConnectionString;
        table.ClusterId = options.ClusterId;
    });
    silo.AddReminders();
});

using var host = builder.Build();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine(ReadyLine.Of(host.Services.GetRequiredService<LocalSilo>(), host.Services.GetRequiredService<ILocalSiloDetails>())));
await host.RunAsync();
return 0;
