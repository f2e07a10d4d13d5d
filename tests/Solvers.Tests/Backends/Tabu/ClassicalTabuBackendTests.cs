using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Solvers.Tests.Backends.Tabu;

public sealed class ClassicalTabuBackendTests
{
    private static readonly SolveOptions Generous = new() { TimeLimit = TimeSpan.FromMinutes(1), Threads = 1 };

    private static Task<Solution> Solve(SchedulingProblem problem, TabuSearchOptions? options = null, SolveOptions? solve = null, IProgress<SolveProgress>? progress = null, CancellationToken cancellation = default) =>
        new SolverPipeline().SolveAsync(problem, new ClassicalTabuBackend(options ?? new TabuSearchOptions { MaxIterations = 2000 }), solve ?? Generous, progress, cancellation);

    public static TheoryData<int, ObjectiveSense> TinyGaps()
    {
        var data = new TheoryData<int, ObjectiveSense>();
        for (var seed = 0; seed < 8; seed++) data.Add(seed, seed % 2 == 0 ? ObjectiveSense.Minimize : ObjectiveSense.Maximize);
        return data;
    }

    [Theory]
    [MemberData(nameof(TinyGaps))]
    public async Task Finds_the_optimum_of_tiny_gap_instances_in_either_sense(int seed, ObjectiveSense sense)
    {
        var problem = GapProblems.Create(seed, agents: 3, tasks: 8, tightness: 1.0, sense);
        var optimum = BruteForce.Optimum(ProblemInstance.Compile(problem));

        var solution = await Solve(problem);

        Assert.NotNull(optimum);
        Assert.True(solution.IsFeasible);
        Assert.Equal(optimum.Value, solution.Objective, 9);
    }

    [Fact]
    public async Task Finds_the_optimum_of_tiny_problems_with_unassigned_tasks_soft_capacity_and_skills()
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var problem = GapProblems.Create(seed, agents: 3, tasks: 7, tightness: 0.5) with
            {
                Constraints = new ConstraintSettings
                {
                    AllowUnassigned = seed % 2 == 0,
                    UnassignedPenalty = 30,
                    Capacity = seed % 3 == 0 ? ConstraintLevel.Soft(2) : ConstraintLevel.Hard,
                },
            };
            problem = problem with
            {
                Agents = problem.Agents.Select((a, i) => a with { Skills = i == 0 ? ["x"] : [] }).ToList(),
                Tasks = problem.Tasks.Select((t, i) => t with { RequiredSkills = i % 4 == 0 ? ["x"] : [], Priority = 1 + i % 3 }).ToList(),
            };
            var optimum = BruteForce.Optimum(ProblemInstance.Compile(problem));

            var solution = await Solve(problem);

            if (optimum is null)
            {
                Assert.False(solution.IsFeasible);
                continue;
            }
            Assert.True(solution.IsFeasible, $"seed {seed}");
            Assert.Equal(optimum.Value, solution.PenalizedObjective, 9);
        }
    }

    [Fact]
    public async Task Finds_the_optimum_of_tiny_scheduling_problems_with_every_kind_of_rule()
    {
        var checkedProblems = 0;
        for (var seed = 0; checkedProblems < 25 && seed < 400; seed++)
        {
            var problem = RandomProblems.Create(seed);
            var instance = ProblemInstance.Compile(problem);
            if (Validation.ProblemValidator.Validate(problem).Count > 0 || BruteForce.SpaceSize(instance) > 4000) continue;
            var optimum = BruteForce.Optimum(instance);
            checkedProblems++;

            var solution = await Solve(problem);

            Assert.Equal(SolutionStatus.Feasible == solution.Status, optimum is not null);
            if (optimum is not null) Assert.Equal(optimum.Value, solution.PenalizedObjective, 6);
        }
        Assert.Equal(25, checkedProblems);
    }

    [Fact]
    public async Task Gives_a_checked_feasible_schedule_for_makespan_with_dependencies()
    {
        var problem = new SchedulingProblem
        {
            Name = "pipeline",
            Agents = [new Agent { Id = "a1", Capacity = 30 }, new Agent { Id = "a2", Capacity = 30 }, new Agent { Id = "a3", Capacity = 30 }],
            Tasks = Enumerable.Range(0, 12).Select(i => new SchedulingTask
            {
                Id = $"t{i}",
                Duration = 1 + i % 4,
                Dependencies = i >= 3 ? [$"t{i - 3}"] : [],
            }).ToList(),
            Objective = new Objective { Kind = ObjectiveKind.Makespan },
        };

        var solution = await Solve(problem, new TabuSearchOptions { MaxIterations = 300 });

        Assert.True(solution.IsFeasible);
        Assert.Empty(solution.Violations);
        Assert.Equal("schedule", solution.BackendDetails["path"]);
        // Three independent chains of total durations 1+4+3+2=10, 2+1+4+3=10, 3+2+1+4=10: one per agent is optimal.
        Assert.Equal(10, solution.Objective);
    }

    [Fact]
    public async Task Feasible_and_close_to_a_lower_bound_on_gap_like_instances()
    {
        for (var seed = 0; seed < 3; seed++)
        {
            var problem = GapProblems.Create(100 + seed, agents: 8, tasks: 60, tightness: 0.85);

            var solution = await Solve(problem, new TabuSearchOptions { MaxIterations = 1500 });

            Assert.True(solution.IsFeasible, $"seed {seed}");
            var lowerBound = double.Parse(solution.BackendDetails["lowerBound"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(solution.Objective, lowerBound, lowerBound * 1.5);
        }
    }

    [Fact]
    public async Task Keeps_pinned_tasks_on_their_agents_even_when_another_agent_is_cheaper()
    {
        var problem = GapProblems.Create(7, agents: 4, tasks: 20, tightness: 1.2);
        var instance = ProblemInstance.Compile(problem);
        // Pin each of the first five tasks to its most expensive agent.
        var pins = Enumerable.Range(0, 5)
            .Select(t => new Assignment($"t{t}", $"a{Enumerable.Range(0, 4).MaxBy(a => instance.Cost(t, a))}"))
            .ToList();

        var solution = await Solve(problem with { Pinned = pins });

        Assert.True(solution.IsFeasible);
        foreach (var pin in pins)
            Assert.Contains(solution.Assignments, a => a.TaskId == pin.TaskId && a.AgentId == pin.AgentId);
    }

    [Fact]
    public async Task Starts_from_the_warm_start()
    {
        var problem = GapProblems.Create(11, agents: 5, tasks: 40, tightness: 0.9);
        var instance = ProblemInstance.Compile(problem);
        var best = await Solve(problem, new TabuSearchOptions { MaxIterations = 3000 });
        var warm = problem with { InitialSolution = best.Assignments.Select(a => new Assignment(a.TaskId, a.AgentId)).ToList() };
        var initialObjective = new ObjectiveEvaluator(instance).Evaluate(best.AgentOfTask).Objective;
        var reports = new List<SolveProgress>();

        var solution = await Solve(warm, new TabuSearchOptions { MaxIterations = 10 }, progress: new ListProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(initialObjective, reports[0].BestObjective, 9);
        Assert.True(solution.Objective <= initialObjective);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_same_seed_and_thread_count_give_the_same_assignment(int threads)
    {
        var problem = GapProblems.Create(21, agents: 6, tasks: 50, tightness: 0.9);
        var options = new TabuSearchOptions { MaxIterations = 1500, EvaluationsPerEpoch = 50_000 };
        var solve = Generous with { Threads = threads, Seed = 42 };

        var first = await Solve(problem, options, solve);
        var second = await Solve(problem, options, solve);

        Assert.Equal(TerminationReason.Completed, first.Termination);
        Assert.Equal(first.AgentOfTask, second.AgentOfTask);
        Assert.Equal(first.BackendDetails["evaluations"], second.BackendDetails["evaluations"]);
    }

    [Fact]
    public async Task Cancellation_returns_the_best_solution_so_far()
    {
        var problem = GapProblems.Create(31, agents: 10, tasks: 200, tightness: 0.9);
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(_ => cancellation.Cancel());

        var solution = await Solve(problem, new TabuSearchOptions(), Generous, progress, cancellation.Token);

        Assert.Equal(TerminationReason.Cancelled, solution.Termination);
        Assert.True(solution.IsFeasible);
    }

    [Fact]
    public async Task Stops_at_the_time_limit_with_its_best_solution()
    {
        var problem = GapProblems.Create(41, agents: 10, tasks: 300, tightness: 1.2);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var solution = await Solve(problem, new TabuSearchOptions(), Generous with { TimeLimit = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(TerminationReason.TimeLimit, solution.Termination);
        Assert.True(solution.IsFeasible);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Stops_when_the_target_is_reached_or_the_lower_bound_proves_optimality()
    {
        var problem = GapProblems.Create(51, agents: 4, tasks: 30, tightness: 0.9);
        var target = await Solve(problem, new TabuSearchOptions(), Generous with { TargetObjective = 1e9 });
        var unconstrained = problem with { Agents = problem.Agents.Select(a => a with { Capacity = null }).ToList() };
        var optimal = await Solve(unconstrained, new TabuSearchOptions());

        Assert.Equal(TerminationReason.TargetReached, target.Termination);
        Assert.Equal(TerminationReason.Optimal, optimal.Termination);
        Assert.Equal(optimal.Objective, optimal.Bound);
    }

    [Fact]
    public async Task Stops_when_the_best_has_not_improved_for_the_unimproved_time_limit()
    {
        var problem = GapProblems.Create(61, agents: 4, tasks: 30, tightness: 0.9);

        var solution = await Solve(problem, new TabuSearchOptions(), Generous with { UnimprovedTimeLimit = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(TerminationReason.UnimprovedTimeLimit, solution.Termination);
        Assert.True(solution.IsFeasible);
    }

    [Fact]
    public async Task An_overloaded_problem_returns_the_least_violating_assignment_as_infeasible()
    {
        var problem = GapProblems.Create(71, agents: 3, tasks: 20, tightness: 0.3);

        var solution = await Solve(problem, new TabuSearchOptions { MaxIterations = 200 });

        Assert.Equal(SolutionStatus.Infeasible, solution.Status);
        Assert.Equal(20, solution.AgentOfTask.Length);
        Assert.All(solution.AgentOfTask, a => Assert.InRange(a, 0, 2));
        Assert.NotNull(solution.Diagnosis);
    }

    [Fact]
    public void Rejects_meaningless_options_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ClassicalTabuBackend(new TabuSearchOptions { PenaltyDecrease = 1.5 }));
        Assert.Equal("PenaltyDecrease", error.ParamName);
    }

    private sealed class ListProgress(List<SolveProgress> reports) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => reports.Add(value);
    }

    private sealed class CallbackProgress(Action<SolveProgress> callback) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => callback(value);
    }
}
