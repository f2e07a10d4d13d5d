using System.Diagnostics;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Diagnosis;
using QuantumScheduler.Solvers.Explanation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.Solving;

/// <summary>
/// The one way to solve a problem: validate → compile → check the backend can run and supports the
/// problem (refuse with the reasons otherwise) → let the backend choose agents → build the schedule →
/// check it with the independent checker → explain it → diagnose infeasibility when no feasible
/// schedule was found. Bad input and refusals come back as a <see cref="Solution"/> with a status, never
/// as exceptions; a backend's own failure (an exception) propagates to the caller, which decides on
/// retries and fallbacks.
/// </summary>
public sealed class SolverPipeline
{
    public async Task<Solution> SolveAsync(SchedulingProblem problem, ISolverBackend backend, SolveOptions options, IProgress<SolveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);

        var errors = ProblemValidator.Validate(problem);
        if (errors.Count > 0)
            return new Solution { ProblemName = problem.Name, Backend = backend.Name, Status = SolutionStatus.Invalid, ValidationErrors = errors };

        var availability = backend.Availability;
        if (!availability.IsAvailable)
            return new Solution { ProblemName = problem.Name, Backend = backend.Name, Status = SolutionStatus.Unavailable, RefusalReasons = [availability.Reason ?? "the backend is unavailable"] };

        var instance = ProblemInstance.Compile(problem);
        var refusals = CapabilityCheck.Refusals(instance, backend.Capabilities);
        if (refusals.Count > 0)
            return new Solution { ProblemName = problem.Name, Backend = backend.Name, Status = SolutionStatus.Refused, RefusalReasons = refusals };

        var clock = Stopwatch.StartNew();
        var result = await backend.SolveAsync(instance, options, progress, cancellationToken).ConfigureAwait(false);
        return Complete(instance, result, backend.Name, clock.Elapsed);
    }

    /// <summary>
    /// Turns a backend's raw result into a checked, explained solution. Public for callers that run a
    /// backend themselves (e.g. the benchmark harness) and must report exactly what the pipeline would.
    /// </summary>
    public static Solution Complete(ProblemInstance instance, BackendResult result, string backendName, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(result);
        var problem = instance.Problem;
        var agentOfTask = result.AgentOfTask;

        CheckResult check;
        Schedule? schedule = null;
        if (agentOfTask.Length == instance.TaskCount)
        {
            schedule = new ScheduleBuilder(instance).Build(agentOfTask);
            check = FeasibilityChecker.Check(instance, schedule);
        }
        else
        {
            check = FeasibilityChecker.Check(instance, agentOfTask);
        }

        var feasible = check.IsFeasible;
        return new Solution
        {
            ProblemName = problem.Name,
            Backend = backendName,
            Status = feasible ? SolutionStatus.Feasible : SolutionStatus.Infeasible,
            Assignments = schedule is null ? [] : Assignments(instance, schedule),
            UnassignedTaskIds = schedule is null ? [] : Enumerable.Range(0, instance.TaskCount).Where(t => schedule.AgentOfTask[t] == -1).Select(t => problem.Tasks[t].Id).ToList(),
            AgentOfTask = agentOfTask,
            HardScore = check.HardScore,
            SoftScore = check.SoftScore,
            Objective = check.Objective,
            PenalizedObjective = check.PenalizedObjective,
            Bound = result.Bound,
            Gap = feasible && result.Bound is { } bound ? Math.Abs(check.Objective - bound) / Math.Max(1e-9, Math.Abs(check.Objective)) : null,
            WallTime = wallTime,
            Termination = result.Termination,
            Violations = check.Violations,
            Explanation = schedule is null ? null : SolutionExplainer.Explain(instance, schedule, check),
            Diagnosis = feasible ? null : InfeasibilityDiagnoser.Diagnose(instance),
            QuboEnergy = result.QuboEnergy,
            BackendDetails = result.Details,
        };
    }

    private static List<ScheduledAssignment> Assignments(ProblemInstance instance, Schedule schedule)
    {
        var assignments = new List<ScheduledAssignment>();
        for (var t = 0; t < schedule.TaskCount; t++)
        {
            var a = schedule.AgentOfTask[t];
            if (a < 0 || a >= instance.AgentCount)
                continue;
            assignments.Add(new ScheduledAssignment(instance.Problem.Tasks[t].Id, instance.Problem.Agents[a].Id,
                schedule.IsPlaced(t) ? schedule.Start[t] : null, schedule.IsPlaced(t) ? schedule.End[t] : null));
        }
        return assignments;
    }
}
