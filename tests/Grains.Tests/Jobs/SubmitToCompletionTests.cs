using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;

namespace QuantumScheduler.Grains.Tests.Jobs;

public sealed class SubmitToCompletionTests
{
    [Theory]
    [InlineData("team-with-skills.json", JobState.Completed)]
    [InlineData("gap-like.json", JobState.Completed)]
    [InlineData("release-with-dependencies.json", JobState.Completed)]
    [InlineData("infeasible-rust-capacity.json", JobState.Incomplete)]
    public async Task An_example_runs_on_classical_tabu_to_its_end_with_ordered_events(string example, JobState expected)
    {
        await using var cluster = await SchedulingCluster.StartAsync();
        var submission = SchedulingCluster.Submission(example);
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());

        var submitted = await job.SubmitAsync(submission);
        var events = await SchedulingCluster.WatchToEndAsync(job);
        var done = await job.GetStatusAsync();
        var result = await job.GetResultAsync();

        Assert.Equal(JobState.Queued, submitted.State);
        Assert.True(submitted.EstimatedCost > 0);
        Assert.Equal(expected, done.State);
        Assert.Equal([JobState.Submitted, JobState.Queued, JobState.Running, expected], done.Transitions.Select(static t => t.State));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(static i => (long)i), events.Select(static e => e.Sequence));
        Assert.True(events.Zip(events.Skip(1)).All(static pair => pair.First.At <= pair.Second.At), "event times go forward");
        Assert.Equal([JobState.Submitted, JobState.Queued, JobState.Running, expected],
            events.Where(static e => e.Kind == JobEventKind.StateChanged).Select(static e => e.State));
        var attempt = Assert.Single(done.Attempts);
        Assert.Equal(("classical-tabu", AttemptResultKind.Solved), (attempt.Backend, attempt.Outcome));
        Assert.Equal(cluster.Primary.Name, attempt.Worker);
        Assert.NotNull(result);
        Assert.Equal(expected == JobState.Completed, result.IsFeasible);
        Assert.Equal(done.JobId, result.JobId);
        Assert.False(result.FromCache);
        Assert.NotEmpty(result.AgentIds);

        // Charged once for the attempt's core-seconds, settled on the budget exactly, nothing left reserved.
        var ledger = await cluster.Client.GetGrain<ICostGrain>(done.JobId).GetLedgerAsync();
        var budget = await cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync();
        Assert.Contains(ledger.Entries, static e => e.EntryId == "attempt-1/core-seconds");
        Assert.Equal(ledger.Total, done.ActualCost);
        Assert.Equal(ledger.Total, budget.SpentTotal);
        Assert.Equal(0m, budget.Reserved);
    }

    [Fact]
    public async Task Submitting_the_same_request_twice_returns_the_same_job_and_a_different_one_under_its_id_conflicts()
    {
        await using var cluster = await SchedulingCluster.StartAsync();
        var submission = SchedulingCluster.Submission("team-with-skills.json") with { ClientRequestId = "request-1" };
        var job = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.ForClientRequest(submission.Tenant, "request-1"));

        var first = await job.SubmitAsync(submission);
        var second = await job.SubmitAsync(submission with { });
        await SchedulingCluster.WatchToEndAsync(job);
        var afterEnd = await job.SubmitAsync(submission);
        var conflict = await Assert.ThrowsAsync<Errors.JobConflictException>(() => job.SubmitAsync(submission with { Seed = 7 }));

        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(first.SubmittedAt, second.SubmittedAt);
        Assert.Equal(JobState.Completed, afterEnd.State);
        Assert.Single(afterEnd.Attempts);
        Assert.Contains(first.JobId, conflict.Message);
    }

    [Fact]
    public async Task A_resubmitted_problem_is_answered_from_the_cache_even_with_other_key_order_and_whitespace()
    {
        await using var cluster = await SchedulingCluster.StartAsync();
        var submission = SchedulingCluster.Submission("team-with-skills.json");
        var original = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        await original.SubmitAsync(submission);
        await SchedulingCluster.WatchToEndAsync(original);
        var reformatted = System.Text.Json.Nodes.JsonNode.Parse(submission.ProblemJson)!.AsObject();
        var reordered = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in reformatted.Reverse().ToList())
        {
            reformatted.Remove(key);
            reordered[key] = value;
        }

        var again = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        var snapshot = await again.SubmitAsync(submission with { ProblemJson = reordered.ToJsonString(new() { WriteIndented = true }) });
        var result = await again.GetResultAsync();
        var budget = await cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync();
        var uncached = cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        var notFromCache = await uncached.SubmitAsync(submission with { UseCache = false });

        Assert.Equal(JobState.Completed, snapshot.State);
        Assert.True(snapshot.FromCache);
        Assert.Empty(snapshot.Attempts);
        Assert.NotNull(result);
        Assert.True(result.FromCache);
        Assert.Equal(snapshot.JobId, result.JobId);
        Assert.Equal((await original.GetResultAsync())!.Objective, result.Objective);
        Assert.Equal(0m, snapshot.ActualCost);
        Assert.Equal(JobState.Queued, notFromCache.State);
        Assert.False(notFromCache.FromCache);
        Assert.Equal(0m, budget.Reserved);   // the cache hit reserved nothing
    }
}
