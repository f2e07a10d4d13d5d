using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Networking;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("QuantumScheduler:Cluster:Silos:0", "nowhere", "QuantumScheduler:Cluster:Silos:0 must be host:port")]
    [InlineData("QuantumScheduler:Endpoints:SiloPort", "70000", "QuantumScheduler:Endpoints:SiloPort must be from 0")]
    [InlineData("QuantumScheduler:Transport:SendQueueCapacity", "0", "QuantumScheduler:Transport:SendQueueCapacity must be at least 1")]
    [InlineData("QuantumScheduler:Transport:ReconnectBaseDelay", "00:00:00", "QuantumScheduler:Transport:ReconnectBaseDelay must be a positive")]
    [InlineData("QuantumScheduler:Placement:DefaultStrategy", "Anywhere", "QuantumScheduler:Placement:DefaultStrategy must be one of Random, PreferLocal, HashBased, ResourceOptimized")]
    public async Task A_bad_cluster_setting_stops_the_silo_with_an_error_naming_the_key(string key, string value, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new(key, value)]);
        builder.UseQuantumSchedulerSilo();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("localhost:11111", "localhost", 11111)]
    [InlineData("[::1]:30000", "::1", 30000)]
    public void Silo_endpoints_parse_from_host_and_port(string text, string host, int port)
    {
        Assert.True(SiloEndpoint.TryParse(text, out var endpoint));
        Assert.Equal(new SiloEndpoint(host, port), endpoint);
    }

    [Fact]
    public async Task An_embedded_silo_has_no_endpoint_and_a_view_of_itself_alone()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseQuantumSchedulerSilo();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var local = host.Services.GetRequiredService<LocalSilo>().Address;
            Assert.Equal(0, local.Port);
            Assert.Equal([local], host.Services.GetRequiredService<Membership.IClusterMembershipView>().Current.ActiveSilos);
            Assert.Empty(host.Services.GetRequiredService<SiloConnectionManager>().ConnectedSilos);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
