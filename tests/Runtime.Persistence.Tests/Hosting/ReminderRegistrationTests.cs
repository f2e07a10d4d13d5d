using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Runtime.Persistence.Tests.Fakes;
using QuantumScheduler.Runtime.Persistence.Tests.Reminders;
using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests.Hosting;

public sealed class ReminderRegistrationTests : IDisposable
{
    private static readonly GrainId Job = new("job", "j1");
    private readonly TempDirectory _directory = new();
    private readonly TickLog _log = new();
    private readonly FakeTimeProvider _time = new(ReminderHarness.Epoch);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_host_with_sqlite_reminders_fires_registered_reminders_and_again_after_a_restart()
    {
        using (var host = BuildHost(services => services.AddSqliteReminders(o => o.DataDirectory = _directory.Path).AddReminderService()))
        {
            await host.StartAsync();
            var registry = host.Services.GetRequiredService<IReminderRegistry>();
            Assert.IsType<ReminderService>(registry);
            await registry.RegisterOrUpdateReminder(Job, "poll", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _time.Advance(TimeSpan.FromMinutes(1));
            await _log.WaitForCountAsync(1);
            await host.StopAsync();
        }

        _time.Advance(TimeSpan.FromSeconds(90)); // down through the tick due at 12:02
        using var restarted = BuildHost(services => services.AddSqliteReminders(o => o.DataDirectory = _directory.Path).AddReminderService());
        await restarted.StartAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        await _log.WaitForCountAsync(2);
        await restarted.StopAsync();

        Assert.Equal([1, 3], _log.Ticks.Select(t => (t.Status.CurrentTickTime - ReminderHarness.Epoch.UtcDateTime).TotalMinutes));
    }

    [Fact]
    public async Task Invalid_reminder_options_stop_the_start_naming_the_option()
    {
        using var host = BuildHost(services => services.AddInMemoryReminders().AddReminderService(o =>
        {
            o.RefreshReminderListPeriod = TimeSpan.FromMinutes(10);
            o.ReminderLoadingWindow = TimeSpan.FromMinutes(5);
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ReminderOptions.ReminderLoadingWindow", error.Message);
    }

    [Fact]
    public void The_validator_rejects_a_non_positive_minimum_period()
    {
        var result = new ReminderOptionsValidator().Validate(null, new ReminderOptions { MinimumReminderPeriod = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("ReminderOptions.MinimumReminderPeriod", result.FailureMessage);
    }

    [Fact]
    public void The_defaults_are_orleans_defaults()
    {
        var defaults = new ReminderOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), defaults.MinimumReminderPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.RefreshReminderListPeriod);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.ReminderLoadingWindow);
        Assert.False(new ReminderOptionsValidator().Validate(null, defaults).Failed);
    }

    [Fact]
    public void In_memory_reminders_replace_an_earlier_table_registration()
    {
        using var provider = new ServiceCollection()
            .AddSqliteReminders(o => o.DataDirectory = _directory.Path)
            .AddInMemoryReminders()
            .BuildServiceProvider();

        Assert.IsType<InMemoryReminderTable>(provider.GetRequiredService<IReminderTable>());
    }

    private IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IGrainFactory>(new FakeGrainFactory(_log));
        configure(builder.Services);
        return builder.Build();
    }
}
