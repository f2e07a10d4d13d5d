using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Client;

namespace QuantumScheduler.Cluster.Tests.Client;

/// <summary>A client configured wrongly stops at start (or at registration) naming what is wrong.</summary>
public sealed class ClientConfigurationTests
{
    [Fact]
    public void A_client_without_a_gateway_list_is_refused_naming_both_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddQuantumSchedulerClient(null, static _ => { }));

        Assert.Contains("UsePostgreSqlGatewayList", error.Message);
        Assert.Contains("UseStaticGateways", error.Message);
    }

    [Fact]
    public void Malformed_static_gateways_are_each_named_with_their_index()
    {
        using var services = new ServiceCollection().AddQuantumSchedulerClient(null, static client => client.UseStaticGateways("127.0.0.1:3000", "nohost", "127.0.0.1:99999"))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StaticGatewayListOptions>>().Value);

        Assert.Contains("QuantumScheduler:Client:StaticGateways:Gateways:1 is \"nohost\"", error.Message);
        Assert.Contains("QuantumScheduler:Client:StaticGateways:Gateways:2 is \"127.0.0.1:99999\"", error.Message);
        Assert.DoesNotContain("Gateways:0", error.Message);
    }

    [Fact]
    public void The_postgresql_list_needs_a_connection_string_and_a_plain_schema_name()
    {
        using var services = new ServiceCollection().AddQuantumSchedulerClient(null, static client => client.UsePostgreSqlGatewayList(options => options.Schema = "public; drop table x"))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgreSqlGatewayListOptions>>().Value);

        Assert.Contains("QuantumScheduler:Client:PostgreSql:ConnectionString is required", error.Message);
        Assert.Contains("QuantumScheduler:Client:PostgreSql:Schema", error.Message);
    }

    [Fact]
    public void Timeouts_must_be_positive()
    {
        using var services = new ServiceCollection().AddQuantumSchedulerClient(null, static client => client
                .UseStaticGateways("127.0.0.1:3000")
                .Configure<ClientOptions>(options => options.ResponseTimeout = TimeSpan.Zero))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClientOptions>>().Value);

        Assert.Contains("QuantumScheduler:Client:ResponseTimeout must be a positive time span", error.Message);
    }
}
