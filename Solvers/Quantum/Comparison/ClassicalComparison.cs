using System.Diagnostics;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Comparison;

/// <summary>Builds the comparison record of a QUBO solve, running the classical baseline when asked to.</summary>
public static class ClassicalComparison
{
    /// <summary>
    /// The record for <paramref name="outcome"/>; runs <see cref="ComparisonOptions.ClassicalBackend"/> (same seed
    /// and threads, its own time limit) unless a baseline was provided. The classical answer is checked by
    /// the same checker.
    /// </summary>
    public static async Task<QuantumComparisonRecord> CompareAsync(
        string backend, ProblemInstance instance, QuboSolveOutcome outcome, ComparisonOptions comparison, SolveOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(options);
        var baseline = comparison.ProvidedBaseline;
        if (baseline is null && comparison.ClassicalBackend is { } classical)
        {
            var clock = Stopwatch.StartNew();
            var result = await classical.SolveAsync(instance, options with { TimeLimit = comparison.ClassicalTimeLimit }, null, cancellationToken).ConfigureAwait(false);
            clock.Stop();
            var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
            baseline = new ClassicalBaseline(classical.Name, check.PenalizedObjective, check.IsFeasible, clock.Elapsed);
        }
        return new QuantumComparisonRecord
        {
            Backend = backend,
            Objective = outcome.Objective,
            IsFeasible = outcome.IsFeasible,
            WallTime = outcome.WallTime,
            Sense = instance.Sense,
            Classical = baseline,
        };
    }

    /// <summary>The outcome's result with the record's <c>comparison.*</c> entries added to its details.</summary>
    public static BackendResult Attach(BackendResult result, QuantumComparisonRecord record)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(record);
        var details = new Dictionary<string, string>(result.Details);
        foreach (var (key, value) in record.ToDetails()) details[key] = value;
        return result with { Details = details };
    }
}
