using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task A_silo_with_in_memory_clustering_joins_as_active_follows_the_ring_and_leaves_dead_on_stop()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["QuantumScheduler:Silo:SiloName"] = "lonely",
            ["QuantumScheduler:Membership:ProbeTimeout"] = "00:00:02",
        });
        builder.UseQuantumSchedulerSilo(silo =>
        {
            silo.Services.AddInMemoryReminders();
            silo.AddReminders();
            silo.UseInMemoryClustering();
        });
        using var host = builder.Build();

        await host.StartAsync();
        var view = host.Services.GetRequiredService<IClusterMembershipView>();
        var self = host.Services.GetRequiredService<LocalSilo>().Address;
        var options = host.Services.GetRequiredService<IOptions<MembershipOptions>>().Value;
        var ranges = host.Services.GetRequiredService<IReminderRangeProvider>().GetOwnedRanges();
        var active = view.Current.ActiveSilos;
        await host.StopAsync();
        var rows = await host.Services.GetRequiredService<IMembershipTable>().ReadAllAsync(CancellationToken.None);

        Assert.IsType<MembershipOracle>(view);
        Assert.Equal([self], active);
        Assert.Equal(SiloStatus.Dead, view.Current.StatusOf(self));
        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeTimeout);
        Assert.Equal([RingRange.Full], ranges);
        Assert.Equal(SiloStatus.Dead, Assert.Single(rows.Rows).Entry.Status);
    }

    [Fact]
    public async Task Invalid_membership_options_stop_the_start_naming_the_option()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseQuantumSchedulerSilo(silo => silo.UseInMemoryClustering(membership => membership.NumVotesForDeathDeclaration = 0));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MembershipOptions.NumVotesForDeathDeclaration", failure.Message);
    }

    [Fact]
    public async Task Cluster_membership_without_a_table_fails_saying_what_to_add()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseQuantumSchedulerSilo(silo => silo.AddClusterMembership());
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("UsePostgreSqlClustering", failure.Message);
    }
}
