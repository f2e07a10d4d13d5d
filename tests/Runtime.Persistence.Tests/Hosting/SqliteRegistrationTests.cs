using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests.Hosting;

public sealed class SqliteRegistrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Starting_the_host_creates_the_data_directory_and_the_database()
    {
        var dataDirectory = Path.Combine(_directory.Path, "nested", "data");
        using var host = BuildHost(services => services
            .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DataDirectory = dataDirectory)
            .AddSqliteReminders(o => o.DataDirectory = dataDirectory));

        await host.StartAsync();

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var table = host.Services.GetRequiredService<IReminderTable>();
        Assert.IsType<SqliteGrainStorage>(storage);
        Assert.IsType<SqliteReminderTable>(table);
        Assert.True(File.Exists(Path.Combine(dataDirectory, SqliteStorageOptions.DefaultFileName)));
        Assert.NotNull(host.Services.GetRequiredService<IPersistentStateFactory>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_data_directory_that_is_a_file_stops_the_start_naming_the_option()
    {
        var file = Path.Combine(_directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        using var host = BuildHost(services => services.AddSqliteGrainStorage("Archive", o => o.DataDirectory = file));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SqliteGrainStorageOptions[\"Archive\"].DataDirectory", error.Message);
        Assert.Contains("is a file", error.Message);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_stops_the_start_naming_the_option()
    {
        var file = Path.Combine(_directory.Path, "file");
        await File.WriteAllTextAsync(file, "x");
        using var host = BuildHost(services => services.AddSqliteReminders(o => o.DataDirectory = Path.Combine(file, "below-a-file")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SqliteReminderTableOptions.DataDirectory", error.Message);
        Assert.Contains("cannot be created", error.Message);
    }

    [Fact]
    public void A_file_name_with_a_directory_part_is_rejected()
    {
        var result = new SqliteStorageOptionsValidator<SqliteGrainStorageOptions>().Validate("Default",
            new SqliteGrainStorageOptions { DataDirectory = _directory.Path, FileName = "sub/state.db" });

        Assert.True(result.Failed);
        Assert.Contains("SqliteGrainStorageOptions[\"Default\"].FileName", result.FailureMessage);
    }

    [Fact]
    public void A_non_positive_busy_timeout_is_rejected()
    {
        var result = new SqliteStorageOptionsValidator<SqliteReminderTableOptions>().Validate(Options.DefaultName,
            new SqliteReminderTableOptions { DataDirectory = _directory.Path, BusyTimeout = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("BusyTimeout", result.FailureMessage);
    }

    private static IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }
}
