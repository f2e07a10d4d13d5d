using QuantumScheduler.Grains.Budgets;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Grains.Tests.Jobs;

/// <summary>Each bad submission gets its own error naming what is wrong, and leaves nothing behind.</summary>
public sealed class RefusedSubmissionTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = SchedulingCluster.Builder()
            .AddConfiguration("QuantumScheduler:Backends:Backends:classical-mip:MaxProblemSize", "10")
            .Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_malformed_problem_is_refused_with_every_error_and_its_path()
    {
        var submission = SchedulingCluster.Submission("team-with-skills.json") with
        {
            ProblemJson = """{ "agents": [ { "id": "a", "capacity": -1 } ], "tasks": [ { "id": "t", "duration": "long" } ] }""",
            TimeLimit = TimeSpan.Zero,
        };

        var error = await AssertRefusedAsync<InvalidProblemException>(submission);

        Assert.Contains("submission.timeLimit", error.Message);
        Assert.Contains("problem.tasks[0].duration", error.Message);
    }

    [Fact]
    public async Task An_unknown_backend_is_refused_with_the_known_names()
    {
        var error = await AssertRefusedAsync<UnknownBackendException>(SchedulingCluster.Submission("team-with-skills.json", backend: "warp-drive"));

        Assert.Contains("\"warp-drive\"", error.Message);
        Assert.Contains("classical-tabu", error.Message);
        Assert.Contains(SchedulingCluster.FallbackStrategy, error.Message);
    }

    [Fact]
    public async Task A_problem_too_large_for_the_named_backend_is_refused_with_both_numbers()
    {
        var error = await AssertRefusedAsync<ProblemTooLargeException>(SchedulingCluster.Submission("team-with-skills.json", backend: "classical-mip"));

        Assert.Contains("24 task-agent variables", error.Message);
        Assert.Contains("at most 10", error.Message);
    }

    [Fact]
    public async Task A_job_beyond_the_hard_budget_is_refused_and_the_budget_is_unchanged()
    {
        var submission = SchedulingCluster.Submission("team-with-skills.json");
        var budget = _cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant);
        await budget.ConfigureAsync(new BudgetLimits { Daily = 0.000001m });

        var error = await AssertRefusedAsync<BudgetExceededException>(submission);

        Assert.Contains(submission.Tenant, error.Message);
        var after = await budget.GetStatusAsync();
        Assert.Equal((0m, 0), (after.Reserved, after.OpenReservations));
    }

    private async Task<TException> AssertRefusedAsync<TException>(JobSubmission submission) where TException : Exception
    {
        var job = _cluster.Client.GetGrain<ISchedulingJobGrain>(JobIds.New());
        var reservedBefore = (await _cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync()).Reserved;

        var error = await Assert.ThrowsAsync<TException>(() => job.SubmitAsync(submission));

        await Assert.ThrowsAsync<JobNotFoundException>(() => job.GetStatusAsync());
        await Assert.ThrowsAsync<JobNotFoundException>(() => job.GetEventsAsync(0, TimeSpan.Zero));
        Assert.Equal(reservedBefore, (await _cluster.Client.GetGrain<IBudgetGrain>(submission.Tenant).GetStatusAsync()).Reserved);
        return error;
    }
}
