using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Client.Tests.Sdk;

/// <summary>Bad input reaches the caller as the contract's exception types, with messages that say what and where.</summary>
[Collection(SchedulingClusterCollection.Name)]
public sealed class BadInputTests(SchedulingClusterFixture fixture)
{
    private QuantumSchedulerClient Client => fixture.Client;

    [Fact]
    public async Task An_invalid_problem_is_refused_with_every_error_and_its_path_and_nothing_is_stored()
    {
        var options = new SubmitOptions { Tenant = SchedulingClusterFixture.NewTenant(), ClientRequestId = "invalid-1" };

        var refusal = await Assert.ThrowsAsync<InvalidProblemException>(() => Client.SubmitAsync(BadProblems.ThreeErrors, options));

        foreach (var path in BadProblems.ThreeErrorPaths)
            Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.GetStatusAsync(JobIds.ForClientRequest(options.Tenant!, "invalid-1")));
    }

    [Fact]
    public async Task Text_that_is_not_json_is_an_invalid_problem()
    {
        var refusal = await Assert.ThrowsAsync<InvalidProblemException>(() => Client.SubmitAsync(BadProblems.NotJson));
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    [Fact]
    public async Task An_unknown_backend_is_refused_with_the_names_that_exist()
    {
        var refusal = await Assert.ThrowsAsync<UnknownBackendException>(() =>
            Client.SubmitAsync(Examples.Read("gap-like.json"), new SubmitOptions { Backend = "quantum-magic" }));

        Assert.Contains("quantum-magic", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("classical-tabu", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_beyond_a_hard_budget_limit_is_refused_and_nothing_is_reserved()
    {
        var tenant = SchedulingClusterFixture.NewTenant();
        await Client.ConfigureBudgetAsync(tenant, new BudgetLimits { Daily = 0m });

        var refusal = await Assert.ThrowsAsync<BudgetExceededException>(() => Client.SubmitAsync(Examples.Read("gap-like.json"),
            new SubmitOptions { Tenant = tenant, Backend = "classical-tabu", ClientRequestId = "over-budget", UseCache = false }));

        Assert.Contains(tenant, refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.GetStatusAsync(JobIds.ForClientRequest(tenant, "over-budget")));
        var budget = await Client.GetBudgetAsync(tenant);
        Assert.Equal(0, budget.Reserved);
        Assert.Equal(0, budget.OpenReservations);
    }

    [Fact]
    public async Task A_different_problem_under_a_used_request_id_is_a_conflict()
    {
        var options = new SubmitOptions { Tenant = SchedulingClusterFixture.NewTenant(), ClientRequestId = "same-id", Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(0.3) };
        var first = await Client.SubmitAsync(Examples.Read("gap-like.json"), options);

        await Assert.ThrowsAsync<JobConflictException>(() => Client.SubmitAsync(Examples.Read("team-with-skills.json"), options));

        await Client.WaitAsync(first.JobId, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Every_call_about_an_unknown_job_says_it_is_not_found()
    {
        const string id = "job-that-was-never-submitted";

        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.GetStatusAsync(id));
        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.WaitAsync(id));
        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.GetResultAsync(id));
        await Assert.ThrowsAsync<JobNotFoundException>(() => Client.GetCostAsync(id));
        await Assert.ThrowsAsync<JobNotFoundException>(async () =>
        {
            await foreach (var _ in Client.WatchAsync(id))
            {
            }
        });
    }

    [Fact]
    public async Task Arguments_the_client_can_check_itself_are_refused_before_any_call()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.GetStatusAsync(" "));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Client.SubmitFileAsync(Path.Combine(Path.GetTempPath(), "no-such-problem.json")));
        Assert.Throws<ArgumentException>(() => new QuantumSchedulerClient(fixture.Cluster.Client, new QuantumSchedulerClientOptions { EventPollWait = TimeSpan.Zero }));
    }
}
