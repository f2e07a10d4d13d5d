using QuantumScheduler.Grains.Autoscaling;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

/// <summary>The autoscaler inside the full scheduling silo, reading the real worker grain's load (no scripted source).</summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public async Task The_autoscaler_reads_running_and_queued_solves_from_the_worker_grains_and_scales_on_the_queue()
    {
        var slow = new SlowBackend();
        await using var cluster = await SchedulingCluster.Builder(slow)
            .AddConfiguration("QuantumScheduler:Scheduler:MaxWorkers", "1")
            .AddConfiguration("QuantumScheduler:Autoscaler:EvaluationInterval", "00:00:00")
            .AddConfiguration("QuantumScheduler:Autoscaler:TargetQueueLengthPerSilo", "1")
            .Build().DeployAndReturnAsync();
        var jobs = Enumerable.Range(0, 4).Select(_ => cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New())).ToArray();
        foreach (var job in jobs)
            await job.SubmitAsync(SchedulingCluster.Submission("team-with-skills.json", backend: SlowBackend.BackendName, seconds: 30));
        var worker = cluster.Client.GetGrain<IWorkerNodeGrain>(cluster.Primary.Name);
        try
        {
            await SchedulingCluster.WaitUntilAsync(async () => (await worker.GetLoadAsync()) is { Running: 1, Queued: 3 });

            var decision = await cluster.Client.GetGrain<IAutoscalerGrain>("main").EvaluateAsync();

            Assert.Equal((1, 1, 3), (decision.Inputs.Silos, decision.Inputs.RunningSolves, decision.Inputs.QueueLength));
            Assert.InRange(decision.Inputs.CpuUtilization, 0, 1);
            Assert.Equal((3, "reactive"), (decision.TargetSilos, decision.Source)); // 3 queued per silo vs 1: ceil(1 × 3)
            Assert.Contains("queue/silo 3 vs target 1", decision.Reason);
        }
        finally
        {
            foreach (var job in jobs)
                await job.CancelAsync("test over");
        }
    }
}
