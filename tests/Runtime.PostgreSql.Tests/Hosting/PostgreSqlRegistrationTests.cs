using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.Hosting;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRegistrationTests(PostgreSqlServer server)
{
    [Fact]
    public async Task Starting_the_host_migrates_the_schema_and_registers_the_providers()
    {
        var schema = PostgreSqlServer.NewSchema();
        using var host = BuildHost(services => services
            .AddPostgreSqlGrainStorageAsDefault(o => (o.ConnectionString, o.Schema) = (server.SharedConnectionString, schema))
            .AddPostgreSqlGrainStorage("Archive", o => (o.ConnectionString, o.Schema) = (server.SharedConnectionString, schema))
            .AddPostgreSqlReminders(o => (o.ConnectionString, o.Schema) = (server.SharedConnectionString, schema)));

        await host.StartAsync();

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var archive = host.Services.GetRequiredKeyedService<IGrainStorage>("Archive");
        Assert.Equal("Default", Assert.IsType<PostgreSqlGrainStorage>(storage).Name);
        Assert.Equal("Archive", Assert.IsType<PostgreSqlGrainStorage>(archive).Name);
        Assert.IsType<PostgreSqlReminderTable>(host.Services.GetRequiredService<IReminderTable>());
        Assert.NotNull(host.Services.GetRequiredService<IPersistentStateFactory>());
        var etag = await storage.WriteAsync("t", "s", new GrainId("t", "1"), new byte[] { 1 }, null, CancellationToken.None);
        Assert.Null(await archive.ReadAsync("t", "s", new GrainId("t", "1"), CancellationToken.None));
        Assert.Equal("1", etag);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_cluster_providers_register_as_the_engines_seams_and_migrate_on_start()
    {
        var schema = PostgreSqlServer.NewSchema();
        using var host = BuildHost(services => services
            .AddSingleton<IGrainDirectory, LocalGrainDirectory>()
            .AddPostgreSqlGrainDirectory(o => (o.ConnectionString, o.Schema, o.ClusterId) = (server.SharedConnectionString, schema, "blue"))
            .AddPostgreSqlMembershipTable(o => (o.ConnectionString, o.Schema, o.ClusterId) = (server.SharedConnectionString, schema, "blue")));

        await host.StartAsync();

        Assert.IsType<PostgreSqlGrainDirectory>(host.Services.GetRequiredService<IGrainDirectory>());
        var membership = Assert.IsType<PostgreSqlMembershipTable>(host.Services.GetRequiredService<IMembershipTable>());
        Assert.Equal(0, (await membership.ReadAllAsync(CancellationToken.None)).Version);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_empty_cluster_id_stops_the_start_naming_the_option()
    {
        using var host = BuildHost(services => services.AddPostgreSqlMembershipTable(
            o => (o.ConnectionString, o.ClusterId) = (server.SharedConnectionString, " ")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlMembershipTableOptions.ClusterId is empty", error.Message);
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_start_naming_the_option()
    {
        using var host = BuildHost(services => services.AddPostgreSqlGrainStorage("Archive", _ => { }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlGrainStorageOptions[\"Archive\"].ConnectionString is required", error.Message);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=not-a-port", "is not a valid Npgsql connection string")]
    [InlineData("Hots=127.0.0.1", "is not a valid Npgsql connection string")]
    [InlineData("Database=x", "names no Host")]
    public async Task A_malformed_connection_string_stops_the_start_naming_the_option(string connectionString, string expected)
    {
        using var host = BuildHost(services => services.AddPostgreSqlReminders(o => o.ConnectionString = connectionString));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSqlReminderTableOptions.ConnectionString", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_provider_built_without_the_container_checks_its_options_too()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlGrainDirectory(new PostgreSqlGrainDirectoryOptions()));

        Assert.Contains("PostgreSqlGrainDirectoryOptions.ConnectionString is required", error.Message);
    }

    [Theory]
    [InlineData("Has-Dash")]
    [InlineData("1starts_with_digit")]
    [InlineData("x; DROP TABLE y")]
    [InlineData("")]
    public void A_schema_that_is_not_a_plain_identifier_is_rejected(string schema)
    {
        var result = new PostgreSqlStorageOptionsValidator<PostgreSqlGrainStorageOptions>().Validate("Default",
            new PostgreSqlGrainStorageOptions { ConnectionString = server.SharedConnectionString, Schema = schema });

        Assert.True(result.Failed);
        Assert.Contains("PostgreSqlGrainStorageOptions[\"Default\"].Schema", result.FailureMessage);
    }

    [Fact]
    public async Task An_unreachable_server_stops_the_start_naming_the_provider_and_the_endpoint()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var host = BuildHost(services => services.AddPostgreSqlGrainStorageAsDefault(
            o => o.ConnectionString = $"Host=127.0.0.1;Port={closedPort};Database=nowhere;Username=postgres;Timeout=3"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("grain storage 'Default'", error.Message);
        Assert.Contains($"127.0.0.1:{closedPort}/nowhere", error.Message);
    }

    [Fact]
    public async Task A_missing_database_stops_the_start_naming_it()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server.SharedConnectionString) { Database = "no_such_database" };
        using var host = BuildHost(services => services.AddPostgreSqlReminders(o => o.ConnectionString = builder.ToString()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("reminder table", error.Message);
        Assert.Contains("no_such_database", error.Message);
    }

    private static IHost BuildHost(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }
}
