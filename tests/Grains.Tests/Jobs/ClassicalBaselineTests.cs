using System.Globalization;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class ClassicalBaselineTests
{
    [Fact]
    public async Task With_a_classical_baseline_a_quantum_job_reports_the_classical_objective_and_its_backend_learns_the_quality_gap()
    {
        await using var cluster = await SchedulingCluster.Builder()
            .AddConfiguration("QuantumScheduler:Scheduler:ClassicalBaseline:Backend", "classical-tabu")
            .AddConfiguration("QuantumScheduler:Scheduler:ClassicalBaseline:TimeLimit", "00:00:00.200")
            .Build().DeployAndReturnAsync();

        var result = await RunAsync(cluster, "annealing");
        var quality = await QualityGapOfAsync(cluster, "annealing");

        Assert.True(result.IsFeasible);
        Assert.Equal("classical-tabu", result.ClassicalReferenceBackend);
        Assert.Equal(double.Parse(result.Details["comparison.classicalObjective"], CultureInfo.InvariantCulture), result.ClassicalReferenceObjective);
        var excess = double.Parse(result.Details["comparison.relativeExcess"], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Max(0, excess), quality!.Value, 12);
    }

    [Fact]
    public async Task Without_a_baseline_a_quantum_job_has_no_classical_reference_and_no_quality_gap()
    {
        await using var cluster = await SchedulingCluster.StartAsync();

        var result = await RunAsync(cluster, "annealing");
        var quality = await QualityGapOfAsync(cluster, "annealing");

        Assert.True(result.IsFeasible);
        Assert.Null(result.ClassicalReferenceObjective);
        Assert.Null(result.ClassicalReferenceBackend);
        Assert.Equal("no classical result to compare with", result.Details["comparison.verdict"]);
        Assert.Null(quality);
    }

    private static async Task<JobResult> RunAsync(TestCluster cluster, string backend)
    {
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await job.SubmitAsync(SchedulingCluster.Submission("gap-like.json", backend));
        await SchedulingCluster.WatchToEndAsync(job);
        Assert.Equal(JobState.Completed, (await job.GetStatusAsync()).State);
        return (await job.GetResultAsync())!;
    }

    /// <summary>The backend's mean quality gap over its one recorded attempt, once the job has reported it.</summary>
    private static async Task<double?> QualityGapOfAsync(TestCluster cluster, string backend)
    {
        var grain = cluster.Client.GetGrain<IBackendGrain>(backend);
        await SchedulingCluster.WaitUntilAsync(async () => (await grain.GetInfoAsync()).Stats.Attempts == 1);
        return Assert.Single((await grain.GetInfoAsync()).Stats.BySize).MeanQualityGap;
    }
}
