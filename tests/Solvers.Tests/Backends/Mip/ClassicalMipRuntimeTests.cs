using System.Diagnostics;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

/// <summary>How the backend runs CBC: warm start, limits, stopping, parallel solves, availability and refusals.</summary>
[Collection(CbcCollection.Name)]
public sealed class ClassicalMipRuntimeTests
{
    // Generous: the assertions are about returning at all, not about speed (the machine is shared).
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Warm_start_becomes_the_first_incumbent()
    {
        var problem = MipProblems.SmallGap();
        var instance = ProblemInstance.Compile(problem);
        var optimum = BruteForce.Optimum(instance)!.Value;
        var start = WorstFeasible(instance);
        Assert.True(FeasibilityChecker.Check(instance, start).Objective > optimum);
        var warm = ProblemInstance.Compile(problem with
        {
            InitialSolution = [.. start.Select((a, t) => new Assignment(problem.Tasks[t].Id, problem.Agents[a].Id))],
        });
        // Stopping at the first solution, with CBC's own root heuristics off, shows which solution CBC had first.
        var backend = new ClassicalMipBackend(new ClassicalMipOptions
        {
            ExtraParameters = new Dictionary<string, string> { ["heuristicsOnOff"] = "off", ["maxSolutions"] = "1" },
        });

        var result = await backend.SolveAsync(warm, new SolveOptions(), null, CancellationToken.None);

        Assert.Equal(start, result.AgentOfTask);
        Assert.Equal("5", result.Details["warmStartAssignments"]);
    }

    [Fact]
    public async Task Time_limit_on_a_hard_instance_returns_in_time_with_a_feasible_or_empty_incumbent()
    {
        var instance = MipProblems.FromGapFile("yagiura/e10400", ObjectiveSense.Minimize);
        var clock = Stopwatch.StartNew();

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(1) }, null, CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1) + Margin);
        Assert.Equal(TerminationReason.TimeLimit, result.Termination);
        AssertFeasibleOrEmpty(instance, result);
    }

    [Fact]
    public async Task Watchdog_stops_cbc_when_it_overruns_the_limit()
    {
        var instance = MipProblems.FromGapFile("yagiura/e10400", ObjectiveSense.Minimize);
        // Overriding CBC's own limit simulates a CBC that ignores the clock.
        var backend = new ClassicalMipBackend(new ClassicalMipOptions { ExtraParameters = new Dictionary<string, string> { ["sec"] = "1000" } });
        var clock = Stopwatch.StartNew();

        var result = await backend.SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(1) }, null, CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2) + Margin);
        Assert.Equal(TerminationReason.TimeLimit, result.Termination);
        Assert.Equal("watchdog", result.Details["stoppedBy"]);
        Assert.Null(result.Bound);
        AssertFeasibleOrEmpty(instance, result);
    }

    [Fact]
    public async Task A_run_that_does_not_stop_in_time_is_abandoned_and_answered_without_cbc()
    {
        var gap = MipProblems.FromGapFile("yagiura/e10400", ObjectiveSense.Minimize);
        var backend = new ClassicalMipBackend(new ClassicalMipOptions
        {
            StopGrace = TimeSpan.Zero,
            AbandonGrace = TimeSpan.Zero,
            ExtraParameters = new Dictionary<string, string> { ["sec"] = "1000" },
        });

        var result = await backend.SolveAsync(gap, new SolveOptions { TimeLimit = TimeSpan.FromMilliseconds(200) }, null, CancellationToken.None);

        Assert.Equal(TerminationReason.TimeLimit, result.Termination);
        Assert.StartsWith("watchdog (CBC abandoned", result.Details["stoppedBy"]);
        Assert.All(result.AgentOfTask, a => Assert.Equal(-1, a));
    }

    [Fact]
    public async Task Cancellation_stops_the_search_and_returns_the_incumbent_without_a_bound()
    {
        var instance = MipProblems.FromGapFile("yagiura/e10400", ObjectiveSense.Minimize);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60) }, null, cancellation.Token);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Margin);
        Assert.Equal(TerminationReason.Cancelled, result.Termination);
        Assert.Null(result.Bound);
        AssertFeasibleOrEmpty(instance, result);
    }

    [Fact]
    public async Task Target_objective_stops_at_the_first_good_enough_incumbent()
    {
        var instance = MipProblems.FromGapFile("yagiura/c05100", ObjectiveSense.Minimize);
        var clock = Stopwatch.StartNew();

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60), TargetObjective = 1e9 }, null, CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Margin);
        Assert.Equal(TerminationReason.TargetReached, result.Termination);
        Assert.Equal("target objective", result.Details["stoppedBy"]);
        Assert.True(FeasibilityChecker.Check(instance, result.AgentOfTask).IsFeasible);
    }

    [Fact]
    public async Task Target_objective_is_read_in_the_problem_sense()
    {
        // gap1-1's maximum is 336: a target of 337 is never reached, so the search runs to its proof.
        var instance = MipProblems.FromGapFile("orlib/gap1.txt", ObjectiveSense.Maximize);

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { TargetObjective = 337 }, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        Assert.False(result.Details.ContainsKey("stoppedBy"));
    }

    [Fact]
    public async Task Unimproved_time_limit_ends_a_stalled_search()
    {
        var instance = MipProblems.FromGapFile("yagiura/d10100", ObjectiveSense.Minimize);
        var clock = Stopwatch.StartNew();

        var result = await new ClassicalMipBackend().SolveAsync(
            instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60), UnimprovedTimeLimit = TimeSpan.FromSeconds(1) }, null, CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(TerminationReason.UnimprovedTimeLimit, result.Termination);
        Assert.Null(result.Bound);
        AssertFeasibleOrEmpty(instance, result);
    }

    [Fact]
    public async Task Target_gap_ends_the_search_as_optimal_within_that_gap()
    {
        var instance = MipProblems.FromGapFile("yagiura/c05100", ObjectiveSense.Minimize);

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60), TargetGap = 0.02 }, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        var objective = FeasibilityChecker.Check(instance, result.AgentOfTask).Objective;
        Assert.InRange((objective - result.Bound!.Value) / objective, 0, 0.02);
    }

    [Fact]
    public async Task Same_seed_and_node_budget_give_the_same_assignment()
    {
        var instance = MipProblems.FromGapFile("yagiura/d05100", ObjectiveSense.Minimize);
        // A node budget instead of a clock makes the search's length independent of the machine's load.
        var backend = new ClassicalMipBackend(new ClassicalMipOptions { ExtraParameters = new Dictionary<string, string> { ["maxNodes"] = "300" } });
        var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(120), Seed = 42 };

        var first = await backend.SolveAsync(instance, options, null, CancellationToken.None);
        var second = await backend.SolveAsync(instance, options, null, CancellationToken.None);

        Assert.Equal(first.AgentOfTask, second.AgentOfTask);
        Assert.Equal(first.Bound, second.Bound);
    }

    [Fact]
    public async Task Two_cbc_threads_still_prove_the_optimum()
    {
        var instance = MipProblems.FromGapFile("orlib/gap1.txt", ObjectiveSense.Maximize);

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions { Threads = 2 }, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        Assert.Equal(336, FeasibilityChecker.Check(instance, result.AgentOfTask).Objective, 6);
    }

    [Fact]
    public async Task Parallel_solves_do_not_disturb_each_other()
    {
        var instances = Enumerable.Range(0, 5).Select(i => MipProblems.FromGapFile("orlib/gap2.txt", ObjectiveSense.Minimize, i)).ToArray();
        var backend = new ClassicalMipBackend();
        var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(60) };
        var sequential = new List<double>();
        foreach (var instance in instances)
            sequential.Add((await backend.SolveAsync(instance, options, null, CancellationToken.None)).Bound!.Value);

        var parallel = await Task.WhenAll(instances.Select(i => Task.Run(() => backend.SolveAsync(i, options, null, CancellationToken.None))));

        for (var i = 0; i < instances.Length; i++)
        {
            Assert.Equal(TerminationReason.Optimal, parallel[i].Termination);
            Assert.Equal(sequential[i], FeasibilityChecker.Check(instances[i], parallel[i].AgentOfTask).Objective, 6);
        }
    }

    [Fact]
    public async Task Progress_reports_the_final_incumbent()
    {
        var instance = ProblemInstance.Compile(MipProblems.SmallGap());
        var reports = new List<SolveProgress>();

        var result = await new ClassicalMipBackend().SolveAsync(instance, new SolveOptions(), new SynchronousProgress(reports.Add), CancellationToken.None);

        var report = Assert.Single(reports);
        Assert.Equal(result.AgentOfTask, report.AgentOfTask);
        Assert.Equal(result.Bound!.Value, report.BestObjective, 6);
    }

    [Fact]
    public async Task A_missing_library_makes_the_backend_unavailable_with_the_reason()
    {
        var backend = new ClassicalMipBackend(new ClassicalMipOptions(), new CbcLibrary("libCbcSolver-missing.so.99"));

        Assert.False(backend.Availability.IsAvailable);
        Assert.Equal("libCbcSolver-missing.so.99 not found (install coinor-libcbc3)", backend.Availability.Reason);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            backend.SolveAsync(ProblemInstance.Compile(MipProblems.SmallGap()), new SolveOptions(), null, CancellationToken.None));
        Assert.Contains("classical-mip is unavailable", error.Message);
    }

    [Fact]
    public void The_installed_library_is_available()
    {
        Assert.True(new ClassicalMipBackend().Availability.IsAvailable);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "dependencies", "dependencies (task \"t2\"" },
        { "deadline", "deadlines (task \"t1\"" },
        { "availability", "availability windows (agent \"a1\"" },
        { "tardiness", "weighted-tardiness" },
        { "maximise-balance", "maximises only the TotalCost" },
        { "makespan-release", "makespan with release times" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Problems_that_need_time_variables_are_refused_with_the_reason(string feature, string reason)
    {
        var problem = MipProblems.SmallGap();
        problem = feature switch
        {
            "dependencies" => problem with { Tasks = [.. problem.Tasks.Select(t => t.Id == "t2" ? t with { Dependencies = ["t1"] } : t)] },
            "deadline" => problem with { Tasks = [.. problem.Tasks.Select(t => t.Id == "t1" ? t with { Deadline = 5 } : t)] },
            "availability" => problem with { Agents = [.. problem.Agents.Select(a => a.Id == "a1" ? a with { Availability = [new TimeWindow(0, 8)] } : a)] },
            "tardiness" => problem with { Objective = new Objective { Kind = ObjectiveKind.WeightedTardiness } },
            "maximise-balance" => problem with { Objective = new Objective { Kind = ObjectiveKind.LoadBalance, Sense = ObjectiveSense.Maximize } },
            "makespan-release" => problem with
            {
                Objective = new Objective { Kind = ObjectiveKind.Makespan },
                Tasks = [.. problem.Tasks.Select(t => t.Id == "t3" ? t with { ReleaseTime = 2 } : t)],
            },
            _ => throw new ArgumentOutOfRangeException(nameof(feature)),
        };
        var backend = new ClassicalMipBackend();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            backend.SolveAsync(ProblemInstance.Compile(problem), new SolveOptions(), null, CancellationToken.None));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Capabilities_declare_what_the_mip_cannot_model()
    {
        var capabilities = new ClassicalMipBackend().Capabilities;

        Assert.False(capabilities.SupportsDependencies || capabilities.SupportsDeadlines || capabilities.SupportsAvailability);
        Assert.DoesNotContain(ObjectiveKind.WeightedTardiness, capabilities.Objectives);
        Assert.True(capabilities.ProvidesBound && capabilities.SupportsWarmStart && capabilities.SupportsPinning);
    }

    private static void AssertFeasibleOrEmpty(ProblemInstance instance, BackendResult result)
    {
        if (result.AgentOfTask.All(a => a == -1))
            return;
        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations.Take(5)));
    }

    /// <summary>The feasible assignment with the highest cost: a start the optimum clearly improves on.</summary>
    private static int[] WorstFeasible(ProblemInstance instance)
    {
        int[]? worst = null;
        var worstCost = double.MinValue;
        var current = new int[instance.TaskCount];
        void Visit(int t)
        {
            if (t == instance.TaskCount)
            {
                var check = FeasibilityChecker.Check(instance, current);
                if (check.IsFeasible && check.Objective > worstCost)
                    (worst, worstCost) = ((int[])current.Clone(), check.Objective);
                return;
            }
            for (var a = 0; a < instance.AgentCount; a++)
            {
                current[t] = a;
                Visit(t + 1);
            }
        }
        Visit(0);
        return worst!;
    }

    /// <summary>Reports inline (Progress&lt;T&gt; would post to the thread pool and race the assertion).</summary>
    private sealed class SynchronousProgress(Action<SolveProgress> report) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => report(value);
    }
}
