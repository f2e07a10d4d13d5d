using System.Collections.Concurrent;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Tests.Grains;
using QuantumScheduler.Runtime.TestingHost;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class FilterTests
{
    private sealed class RecordingFilter(string name, ConcurrentQueue<string> log) : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.MethodName == nameof(IFilteredGrain.Hello))
                log.Enqueue($"{name}({context.Request.GetArgument(0)})");
            await context.Invoke();
        }

        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.MethodName == nameof(IFilteredGrain.Hello))
            {
                log.Enqueue(name);
                context.Request.SetArgument(0, "filtered " + context.Request.GetArgument(0));
            }
            await context.Invoke();
        }
    }

    [Fact]
    public async Task Filters_run_outgoing_then_silo_wide_incoming_in_order_then_the_grain_filter()
    {
        var log = FilteredGrain.Log;
        await using var cluster = new TestClusterBuilder()
            .ConfigureSilo(silo => silo
                .AddOutgoingGrainCallFilter(new RecordingFilter("outgoing", log))
                .AddIncomingGrainCallFilter(new RecordingFilter("incoming-1", log))
                .AddIncomingGrainCallFilter(new RecordingFilter("incoming-2", log)))
            .Build();
        await cluster.DeployAsync();
        log.Clear();

        var reply = await cluster.Client.GetGrain<IFilteredGrain>("f").Hello("ada");

        Assert.Equal("hello filtered ada", reply);
        Assert.Equal(["outgoing", "incoming-1(filtered ada)", "incoming-2(filtered ada)", "grain", "method"], log.ToArray());
    }
}
