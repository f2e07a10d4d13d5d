using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using static QuantumScheduler.Grains.Tests.Selection.SelectionFixture;

namespace QuantumScheduler.Grains.Tests.Selection;

public sealed class HybridBackendSelectorTests
{
    private readonly SelectionFixture _fixture = new();

    [Fact]
    public async Task Small_problems_go_to_the_exact_backend_first_and_quantum_backends_last()
    {
        var (ranked, refusals) = await RankAsync(_fixture.Hybrid(), Request(tasks: 5, agents: 4));

        Assert.Equal(["classical-mip", "classical-tabu", "hybrid", "annealing", "qaoa"], ranked);
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task Larger_problems_go_to_tabu_first_and_to_qaoa_not_at_all()
    {
        var (ranked, refusals) = await RankAsync(_fixture.Hybrid(), Request(tasks: 50, agents: 10));

        Assert.Equal(["classical-tabu", "hybrid", "classical-mip", "annealing"], ranked);
        var qaoa = Assert.Single(refusals);
        Assert.Equal("qaoa: the problem has 500 task-agent variables; max_problem_size is 20", qaoa);
    }

    [Fact]
    public async Task Classical_backends_above_the_seed_limit_of_1000_variables_are_refused()
    {
        var (ranked, refusals) = await RankAsync(_fixture.Hybrid(), Request(tasks: 101, agents: 10));

        Assert.Equal(["hybrid", "annealing"], ranked);
        Assert.Contains("classical-tabu: the problem has 1010 task-agent variables; max_problem_size is 1000", refusals);
        Assert.Contains("classical-mip: the problem has 1010 task-agent variables; max_problem_size is 1000", refusals);
    }

    [Fact]
    public async Task Weight_breaks_ties_within_a_tier()
    {
        _fixture.Options.Backends["qaoa"] = new BackendOptions { Weight = 5 };

        var (ranked, _) = await RankAsync(_fixture.Hybrid(), Request(tasks: 5, agents: 4));

        Assert.Equal(["classical-mip", "classical-tabu", "hybrid", "qaoa", "annealing"], ranked);
    }

    [Fact]
    public async Task Disabled_unavailable_and_unsupporting_backends_are_refused_with_their_reasons()
    {
        _fixture.Options.Backends["hybrid"] = new BackendOptions { Enabled = false };
        _fixture.Solvers[0] = new FakeSolverBackend("classical-mip", FakeSolverBackend.General(exact: true), BackendAvailability.Unavailable("CBC is not installed"));
        _fixture.Solvers[2] = new FakeSolverBackend("annealing", FakeSolverBackend.General() with { Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.TotalCost } });

        var (ranked, refusals) = await RankAsync(_fixture.Hybrid(), Request(tasks: 3, agents: 2, objective: "makespan"));

        Assert.Equal(["classical-tabu", "qaoa"], ranked);
        Assert.Equal(
        [
            "classical-mip: unavailable here (CBC is not installed)",
            "annealing: objective Makespan is not supported (supported: TotalCost)",
            "hybrid: disabled in the configuration",
        ], refusals);
    }

    [Fact]
    public async Task Open_breakers_are_skipped_until_their_retry_time_and_a_running_trial_keeps_others_out_until_it_counts_as_lost()
    {
        var now = _fixture.Time.GetUtcNow();
        _fixture.Status.Breakers["classical-mip"] = new BreakerSnapshot { Backend = "classical-mip", State = BreakerState.Open, RetryAt = now.AddSeconds(30), LastError = "boom" };
        _fixture.Status.Breakers["classical-tabu"] = new BreakerSnapshot { Backend = "classical-tabu", State = BreakerState.HalfOpen, TrialInFlight = true, RetryAt = now.AddMinutes(5) };
        _fixture.Status.Breakers["annealing"] = new BreakerSnapshot { Backend = "annealing", State = BreakerState.HalfOpen, TrialInFlight = true, RetryAt = now.AddSeconds(-1) };
        _fixture.Status.Breakers["hybrid"] = new BreakerSnapshot { Backend = "hybrid", State = BreakerState.Open, RetryAt = now.AddSeconds(-1) };

        var (ranked, refusals) = await RankAsync(_fixture.Hybrid(), Request(tasks: 5, agents: 4));

        Assert.Equal(["hybrid", "annealing", "qaoa"], ranked);
        Assert.Equal($"classical-mip: circuit breaker open until {now.AddSeconds(30):O} (last error: boom)", refusals[0]);
        Assert.Equal("classical-tabu: circuit breaker half-open with its one trial running", refusals[1]);
    }

    [Fact]
    public async Task Unhealthy_backends_stay_but_go_last()
    {
        _fixture.Status.Unhealthy.Add("classical-mip");

        var (ranked, _) = await RankAsync(_fixture.Hybrid(), Request(tasks: 5, agents: 4));

        Assert.Equal(["classical-tabu", "hybrid", "annealing", "qaoa", "classical-mip"], ranked);
    }

    [Fact]
    public async Task Breakers_are_read_only_for_backends_that_pass_the_static_checks()
    {
        _fixture.Options.Backends["hybrid"] = new BackendOptions { Enabled = false };

        await RankAsync(_fixture.Hybrid(), Request(tasks: 50, agents: 10));

        Assert.Equal(["classical-mip", "classical-tabu", "annealing"], _fixture.Status.BreakerReads);
    }
}
