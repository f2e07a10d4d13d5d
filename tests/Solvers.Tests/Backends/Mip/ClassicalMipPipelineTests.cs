using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

/// <summary>classical-mip behind the solve pipeline: checked, bounded answers, and refusals as statuses.</summary>
[Collection(CbcCollection.Name)]
public sealed class ClassicalMipPipelineTests
{
    [Fact]
    public async Task Pipeline_returns_a_checked_optimal_solution_with_zero_gap()
    {
        var solution = await new SolverPipeline().SolveAsync(MipProblems.SmallGap(), new ClassicalMipBackend(), new SolveOptions());

        Assert.Equal(SolutionStatus.Feasible, solution.Status);
        Assert.Equal(TerminationReason.Optimal, solution.Termination);
        Assert.Equal(solution.Objective, solution.Bound!.Value, 6);
        Assert.Equal(0, solution.Gap!.Value, 9);
    }

    [Fact]
    public async Task Pipeline_refuses_deadlines_before_the_backend_runs()
    {
        var problem = MipProblems.SmallGap();
        problem = problem with { Tasks = [.. problem.Tasks.Select(t => t with { Deadline = 10 })] };

        var solution = await new SolverPipeline().SolveAsync(problem, new ClassicalMipBackend(), new SolveOptions());

        Assert.Equal(SolutionStatus.Refused, solution.Status);
        Assert.Contains(solution.RefusalReasons, r => r.Contains("deadlines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_reports_the_missing_library_as_unavailable()
    {
        var backend = new ClassicalMipBackend(new ClassicalMipOptions(), new CbcLibrary("libCbcSolver-missing.so.99"));

        var solution = await new SolverPipeline().SolveAsync(MipProblems.SmallGap(), backend, new SolveOptions());

        Assert.Equal(SolutionStatus.Unavailable, solution.Status);
        Assert.Equal(["libCbcSolver-missing.so.99 not found (install coinor-libcbc3)"], solution.RefusalReasons);
    }
}
