using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Quantum.Comparison;

/// <summary>
/// One quantum or hybrid solve set against the same problem's best classical result, so that any "quantum
/// advantage" is a measurement. Attached to <see cref="Backends.BackendResult.Details"/> as
/// <c>comparison.*</c> entries (<see cref="ToDetails"/>).
/// </summary>
public sealed record QuantumComparisonRecord
{
    public required string Backend { get; init; }
    public required double Objective { get; init; }
    public required bool IsFeasible { get; init; }
    public required TimeSpan WallTime { get; init; }
    public required ObjectiveSense Sense { get; init; }

    /// <summary>Null when no classical result was computed or provided.</summary>
    public ClassicalBaseline? Classical { get; init; }

    /// <summary>Quantum objective ÷ classical objective (null without a baseline or with a zero classical objective).</summary>
    public double? ObjectiveRatio => Classical is { } c && c.Objective != 0 ? Objective / c.Objective : null;

    /// <summary>
    /// How much worse the quantum objective is, relative to the classical one: positive = classical better,
    /// negative = quantum better, in either sense. Null without a baseline.
    /// </summary>
    public double? RelativeExcess => Classical is { } c
        ? (Sense == ObjectiveSense.Maximize ? c.Objective - Objective : Objective - c.Objective) / Math.Max(Math.Abs(c.Objective), 1e-12)
        : null;

    /// <summary>Classical wall time ÷ quantum wall time (null without a baseline).</summary>
    public double? SpeedRatio => Classical is { } c && WallTime > TimeSpan.Zero ? c.WallTime / WallTime : null;

    /// <summary>A one-line, measured verdict.</summary>
    public string Verdict => Classical switch
    {
        null => "no classical result to compare with",
        { IsFeasible: true } when !IsFeasible => "classical better: only the classical solution is feasible",
        { IsFeasible: false } when IsFeasible => "quantum better: only the quantum solution is feasible",
        _ when RelativeExcess is > 1e-9 => "classical better",
        _ when RelativeExcess is < -1e-9 => "quantum better",
        _ => "equal objective",
    };

    public IEnumerable<KeyValuePair<string, string>> ToDetails()
    {
        static string F(double v) => v.ToString("G8", CultureInfo.InvariantCulture);
        yield return new("comparison.objective", F(Objective));
        yield return new("comparison.feasible", IsFeasible ? "true" : "false");
        yield return new("comparison.seconds", F(WallTime.TotalSeconds));
        yield return new("comparison.verdict", Verdict);
        if (Classical is not { } c) yield break;
        yield return new("comparison.classicalBackend", c.Backend);
        yield return new("comparison.classicalObjective", F(c.Objective));
        yield return new("comparison.classicalFeasible", c.IsFeasible ? "true" : "false");
        yield return new("comparison.classicalSeconds", F(c.WallTime.TotalSeconds));
        if (ObjectiveRatio is { } ratio) yield return new("comparison.objectiveRatio", F(ratio));
        if (RelativeExcess is { } excess) yield return new("comparison.relativeExcess", F(excess));
    }

    /// <summary>Reads back, from a result's details written by <see cref="ToDetails"/>, the classical baseline and how
    /// much worse the quantum objective was (<see cref="RelativeExcess"/>); false when the solve had no baseline.</summary>
    public static bool TryReadBaseline(IReadOnlyDictionary<string, string> details, [NotNullWhen(true)] out ClassicalBaseline? baseline, out double relativeExcess)
    {
        ArgumentNullException.ThrowIfNull(details);
        baseline = null;
        relativeExcess = 0;
        static bool Number(IReadOnlyDictionary<string, string> details, string key, out double value) =>
            double.TryParse(details.GetValueOrDefault(key), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        if (!details.TryGetValue("comparison.classicalBackend", out var backend)
            || !Number(details, "comparison.classicalObjective", out var objective)
            || !Number(details, "comparison.classicalSeconds", out var seconds)
            || !Number(details, "comparison.relativeExcess", out relativeExcess))
            return false;
        baseline = new ClassicalBaseline(backend, objective, details.GetValueOrDefault("comparison.classicalFeasible") == "true", TimeSpan.FromSeconds(seconds));
        return true;
    }
}
