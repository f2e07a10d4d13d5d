using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class StatelessWorkerTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Sequential_calls_reuse_one_worker()
    {
        var grain = fixture.Grains.GetGrain<IWorkerGrain>(Guid.NewGuid().ToString());

        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await grain.Work(0));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Busy_workers_scale_up_to_the_maximum_and_stay_out_of_the_directory()
    {
        var grain = fixture.Grains.GetGrain<IWorkerGrain>(Guid.NewGuid().ToString());

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.Work(100)));

        Assert.Equal(2, ids.Distinct().Count());
        var directory = fixture.Cluster.Primary.Services.GetRequiredService<IGrainDirectory>();
        Assert.Null(await directory.LookupAsync(grain.GetGrainId()));
    }

    [Fact]
    public async Task Surplus_idle_workers_are_removed()
    {
        var grain = fixture.Grains.GetGrain<IWorkerGrain>(Guid.NewGuid().ToString());
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => grain.Work(100)));
        var catalog = fixture.Cluster.Primary.Services.GetRequiredService<Catalog>();
        var group = catalog.StatelessWorkerGroups.Single(g => g.GrainId == grain.GetGrainId());
        Assert.Equal(2, group.Workers.Count);

        await Eventually.True(() => group.Workers.Count == 1);
    }
}
