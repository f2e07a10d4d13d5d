using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Client.Tests.Sdk;

/// <summary>Watching, waiting, cancelling, results and costs of one job through the SDK.</summary>
[Collection(SchedulingClusterCollection.Name)]
public sealed class JobLifecycleTests(SchedulingClusterFixture fixture)
{
    private QuantumSchedulerClient Client => fixture.Client;

    [Fact]
    public async Task WatchAsync_yields_every_event_in_order_and_ends_with_the_terminal_one()
    {
        var job = await Client.SubmitFileAsync(Examples.PathOf("release-with-dependencies.json"),
            new SubmitOptions { Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(1), Tenant = SchedulingClusterFixture.NewTenant(), UseCache = false });

        var events = new List<JobProgressEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var progressEvent in Client.WatchAsync(job.JobId, 0, timeout.Token))
            events.Add(progressEvent);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(static n => (long)n), events.Select(static e => e.Sequence));
        Assert.Equal(JobState.Submitted, events[0].State);
        Assert.Contains(events, static e => e is { State: JobState.Running, Backend: "classical-tabu", Attempt: 1 });
        Assert.Equal(JobState.Completed, events[^1].State);
        Assert.All(events[..^1], static e => Assert.False(e.State.IsTerminal()));
        Assert.True(events.Zip(events.Skip(1)).All(static pair => pair.First.At <= pair.Second.At), "event times go backwards");
        Assert.Equal(events[^1].BestObjective, (await Client.GetResultAsync(job.JobId))!.Objective);

        // A watch of an ended job replays what is retained and ends; resuming after the last event yields nothing.
        Assert.Equal(events.Select(static e => e.Sequence), await ToListAsync(Client.WatchAsync(job.JobId)));
        Assert.Empty(await ToListAsync(Client.WatchAsync(job.JobId, events[^1].Sequence)));
    }

    [Fact]
    public async Task WaitAsync_returns_the_ended_job_with_its_result_and_cost()
    {
        var tenant = SchedulingClusterFixture.NewTenant();
        var job = await Client.SubmitAsync(Examples.Read("gap-like.json"),
            new SubmitOptions { Backend = "classical-mip", TimeLimit = TimeSpan.FromSeconds(2), Tenant = tenant, UseCache = false, Labels = new Dictionary<string, string> { ["team"] = "sdk" } });
        Assert.Equal(tenant, job.Tenant);
        Assert.False(job.State.IsTerminal());

        var ended = await Client.WaitAsync(job.JobId, TimeSpan.FromSeconds(60));

        Assert.Equal(JobState.Completed, ended.State);
        var result = await Client.GetResultAsync(job.JobId);
        Assert.NotNull(result);
        Assert.True(result.IsFeasible);
        Assert.Equal("classical-mip", result.Backend);
        var ledger = await Client.GetCostAsync(job.JobId);
        Assert.NotEmpty(ledger.Entries);
        Assert.Equal(ledger.Entries.Sum(static e => e.Amount), ledger.Total);
        Assert.Equal(ended.ActualCost, ledger.Total);
        var budget = await Client.GetBudgetAsync(tenant);
        Assert.Equal(ledger.Total, budget.SpentTotal);
        Assert.Equal(0, budget.Reserved);
    }

    [Fact]
    public async Task WaitAsync_gives_up_after_its_timeout_and_says_what_state_the_job_is_in()
    {
        var job = await Client.SubmitFileAsync(Examples.PathOf("team-with-skills.json"),
            new SubmitOptions { Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(20), Tenant = SchedulingClusterFixture.NewTenant(), UseCache = false });
        try
        {
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => Client.WaitAsync(job.JobId, TimeSpan.FromMilliseconds(300)));
            Assert.Contains(job.JobId, timeout.Message, StringComparison.Ordinal);
            Assert.False((await Client.GetStatusAsync(job.JobId)).State.IsTerminal());
        }
        finally
        {
            await Client.CancelAsync(job.JobId, "test over");
        }
    }

    [Fact]
    public async Task CancelAsync_stops_a_running_job_releases_its_reservation_and_ends_the_watch()
    {
        var tenant = SchedulingClusterFixture.NewTenant();
        var job = await Client.SubmitFileAsync(Examples.PathOf("team-with-skills.json"),
            new SubmitOptions { Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(30), Tenant = tenant, UseCache = false });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<JobProgressEvent>();

        await foreach (var progressEvent in Client.WatchAsync(job.JobId, 0, timeout.Token))
        {
            events.Add(progressEvent);
            if (progressEvent.State == JobState.Running && events.Count(static e => e.State == JobState.Running) == 1)
                Assert.Equal(JobState.Cancelled, (await Client.CancelAsync(job.JobId, "changed my mind", timeout.Token)).State);
        }

        Assert.Equal(JobState.Cancelled, events[^1].State);
        var cancelled = await Client.WaitAsync(job.JobId);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Contains("changed my mind", cancelled.Error, StringComparison.Ordinal);
        Assert.Null(await Client.GetResultAsync(job.JobId));
        var budget = await Client.GetBudgetAsync(tenant);
        Assert.Equal(0, budget.Reserved);
        Assert.Equal(0, budget.OpenReservations);

        // Cancelling an ended job changes nothing.
        Assert.Equal(JobState.Cancelled, (await Client.CancelAsync(job.JobId)).State);
    }

    [Fact]
    public async Task Submitting_again_with_the_same_request_id_returns_the_same_job()
    {
        var options = new SubmitOptions { Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(0.3), Tenant = SchedulingClusterFixture.NewTenant(), ClientRequestId = "order-42" };

        var first = await Client.SubmitFileAsync(Examples.PathOf("gap-like.json"), options);
        var second = await Client.SubmitFileAsync(Examples.PathOf("gap-like.json"), options);

        Assert.Equal(JobIds.ForClientRequest(options.Tenant!, "order-42"), first.JobId);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(first.SubmittedAt, second.SubmittedAt);
        await Client.WaitAsync(first.JobId, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_budget_is_configured_and_read_back_through_the_sdk()
    {
        var tenant = SchedulingClusterFixture.NewTenant();

        var configured = await Client.ConfigureBudgetAsync(tenant, new Grains.Budgets.BudgetLimits { Daily = 12.5m, Monthly = 100m, Currency = "EUR" });
        var read = await Client.GetBudgetAsync(tenant);

        Assert.Equal(tenant, configured.Tenant);
        Assert.Equal(12.5m, read.Limits.Daily);
        Assert.Equal(100m, read.Limits.Monthly);
        Assert.Equal("EUR", read.Limits.Currency);
        Assert.True(read.Limits.Hard);
    }

    private static async Task<List<long>> ToListAsync(IAsyncEnumerable<JobProgressEvent> events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sequences = new List<long>();
        await foreach (var progressEvent in events.WithCancellation(timeout.Token))
            sequences.Add(progressEvent.Sequence);
        return sequences;
    }
}
