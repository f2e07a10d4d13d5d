using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Workers;

public sealed class WorkerNodeTests
{
    private static SolveWorkItem Item(string jobId, int attempt = 1) => new()
    {
        JobId = jobId,
        Attempt = attempt,
        Backend = SlowBackend.BackendName,
        ProblemJson = Examples.Read("gap-like.json"),
        TimeLimit = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task The_pool_runs_at_most_max_workers_solves_queues_up_to_the_limit_and_refuses_beyond()
    {
        var slow = new SlowBackend();
        await using var cluster = await SchedulingCluster.Builder(slow)
            .AddConfiguration("QuantumScheduler:Scheduler:MaxWorkers", "1")
            .AddConfiguration("QuantumScheduler:Scheduler:MaxQueueLength", "1")
            .Build().DeployAndReturnAsync();
        var worker = cluster.Client.GetGrain<IWorkerNodeGrain>(cluster.Primary.Name);

        var first = await worker.EnqueueAsync(Item("w-1"));
        await SchedulingCluster.WaitUntilAsync(() => Task.FromResult(slow.Started == 1));
        var second = await worker.EnqueueAsync(Item("w-2"));
        var third = await worker.EnqueueAsync(Item("w-3"));
        var repeated = await worker.EnqueueAsync(Item("w-2"));
        var load = await worker.GetLoadAsync();

        Assert.True(first.Accepted);
        Assert.True(second.Accepted);
        Assert.True(repeated.Accepted);   // the same attempt twice is one piece of work
        Assert.False(third.Accepted);
        Assert.Contains("queue is full", third.Reason);
        Assert.Equal((cluster.Primary.Name, 1, 1, 1), (load.WorkerId, load.MaxWorkers, load.Running, load.Queued));
        Assert.True(await worker.HasAttemptAsync("w-2", 1));
        Assert.False(await worker.HasAttemptAsync("w-3", 1));

        // Cancelling ends the running solve at once and drops the queued one without running it.
        await worker.CancelAsync("w-1", 1);
        await worker.CancelAsync("w-2", 1);
        await SchedulingCluster.WaitUntilAsync(async () => !await worker.HasAttemptAsync("w-1", 1) && !await worker.HasAttemptAsync("w-2", 1), TimeSpan.FromSeconds(10));
        var idle = await worker.GetLoadAsync();
        Assert.Equal((0, 0), (idle.Running, idle.Queued));
        Assert.Equal(1, slow.Started);
    }
}
