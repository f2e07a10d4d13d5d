using System.Globalization;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// The checks a submission passes before anything is stored, besides the strategy's name (which
/// <see cref="BackendSelectorResolver"/> checks): the problem reads and validates, the submission's own fields make
/// sense, and a named backend can take a problem this large. Each refusal is its own exception with a message that
/// names what is wrong and where.
/// </summary>
public static class JobAdmission
{
    /// <summary>Reads the problem and checks the submission's own fields.</summary>
    /// <exception cref="InvalidProblemException">Every error, one per line, each with its path.</exception>
    public static SchedulingProblem ReadProblem(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(submission.Tenant))
            errors.Add("submission.tenant: must not be empty");
        if (submission.TimeLimit <= TimeSpan.Zero)
            errors.Add($"submission.timeLimit: must be positive (was {submission.TimeLimit})");
        if (submission.QualityTarget is { } target && !(double.IsFinite(target) && target >= 0))
            errors.Add($"submission.qualityTarget: must be a finite number ≥ 0 (was {target.ToString(CultureInfo.InvariantCulture)})");
        var read = ProblemJsonReader.Read(submission.ProblemJson ?? "");
        errors.AddRange(read.Errors.Select(static e => "problem" + (e.Path.Length == 0 ? "" : (e.Path.StartsWith('[') ? "" : ".") + e.Path) + ": " + e.Message));
        if (errors.Count > 0 || !read.Succeeded)
            throw new InvalidProblemException($"The submission is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):\n" + string.Join("\n", errors));
        return read.Problem;
    }

    /// <summary>Checks that a named backend runs jobs at all (enabled, available) and then its <c>max_problem_size</c> and
    /// <c>max_qubits</c> (its effective limits: configuration narrowed to what the solver itself can take).</summary>
    /// <exception cref="BackendUnavailableException">Disabled or unavailable; the message says which and why.</exception>
    /// <exception cref="ProblemTooLargeException">The message names the problem's size and the limit.</exception>
    public static void EnsureCanTake(BackendInfo backend, SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(problem);
        // Unavailable first: enabling such a backend would not help.
        if (!backend.Available)
            throw new BackendUnavailableException($"Backend \"{backend.Name}\" is unavailable: {backend.AvailabilityReason}");
        if (!backend.Enabled)
            throw new BackendUnavailableException(
                $"Backend \"{backend.Name}\" is disabled in the configuration (backends.{backend.Name}.enabled, or its family's); enable it or choose another backend.");
        var size = ProblemSizing.TaskAgentVariables(problem);
        if (backend.MaxProblemSize is { } maxSize && size > maxSize)
            throw new ProblemTooLargeException(
                $"Problem \"{problem.Name}\" has {size} task-agent variables ({problem.Tasks.Count} tasks × {problem.Agents.Count} agents); " +
                $"backend \"{backend.Name}\" accepts at most {maxSize} (max_problem_size).");
        if (backend.MaxQubits is { } maxQubits && size > maxQubits)
            throw new ProblemTooLargeException(
                $"Problem \"{problem.Name}\" needs at least {size} qubits (one per task-agent variable: {problem.Tasks.Count} tasks × {problem.Agents.Count} agents); " +
                $"backend \"{backend.Name}\" has at most {maxQubits} (max_qubits).");
    }
}
