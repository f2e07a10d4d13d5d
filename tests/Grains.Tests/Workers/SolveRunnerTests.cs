using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Grains.Tests.Jobs.Fixtures;
using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Tests.Workers;

public sealed class SolveRunnerTests
{
    private static readonly SolveRunner Runner = new(
        new BackendRegistry([new ClassicalTabuBackend(), new FaultInjectionBackend("broken", int.MaxValue)]), new SolverPipeline());

    private static SolveWorkItem Item(string backend, string example = "team-with-skills.json") => new()
    {
        JobId = "job-1",
        Attempt = 2,
        Backend = backend,
        ProblemJson = Examples.Read(example),
        TimeLimit = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task A_solved_attempt_carries_the_checked_schedule_and_its_core_seconds()
    {
        var outcome = await Runner.RunAsync(Item("classical-tabu"), "worker-a", null, CancellationToken.None);

        Assert.Equal((2, AttemptResultKind.Solved, "worker-a"), (outcome.Attempt, outcome.Kind, outcome.Worker));
        Assert.NotNull(outcome.Result);
        Assert.True(outcome.Result.IsFeasible);
        Assert.Equal("job-1", outcome.Result.JobId);
        Assert.Equal(6, outcome.Result.Assignments.Count);
        Assert.Equal(["ana", "ben", "caro", "dev"], outcome.Result.AgentIds);
        Assert.True(outcome.CoreSeconds > 0);
        Assert.Equal(0, outcome.QubitSeconds);
    }

    [Fact]
    public async Task A_throwing_backend_is_a_failed_attempt_naming_the_error()
    {
        var outcome = await Runner.RunAsync(Item("broken"), "worker-a", null, CancellationToken.None);

        Assert.Equal(AttemptResultKind.Failed, outcome.Kind);
        Assert.Equal("backend \"broken\" failed: InvalidOperationException: injected fault in broken", outcome.Error);
        Assert.Null(outcome.Result);
    }

    [Fact]
    public async Task A_backend_the_worker_does_not_have_refuses_the_attempt()
    {
        var outcome = await Runner.RunAsync(Item("qaoa"), "worker-a", null, CancellationToken.None);

        Assert.Equal(AttemptResultKind.Refused, outcome.Kind);
        Assert.Contains("\"qaoa\" is not registered on worker worker-a", outcome.Error);
    }

    [Fact]
    public async Task A_cancelled_attempt_reports_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var outcome = await Runner.RunAsync(Item("classical-tabu"), "worker-a", null, cancellation.Token);

        Assert.Equal(AttemptResultKind.Cancelled, outcome.Kind);
    }
}
