using System.Globalization;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>One line per job event, as the watch shows it (plain text).</summary>
internal static class JobEventText
{
    public static string Describe(JobProgressEvent progressEvent)
    {
        var parts = new List<string> { $"#{progressEvent.Sequence}", progressEvent.State.ToString() };
        if (progressEvent.Kind != JobEventKind.StateChanged)
            parts.Add(progressEvent.Kind.ToString());
        if (progressEvent.Backend is { } backend)
            parts.Add(progressEvent.Attempt > 0 ? $"{backend} (attempt {progressEvent.Attempt})" : backend);
        if (progressEvent.BestObjective is { } best)
            parts.Add($"best {ResultRenderer.Format(best)}{(progressEvent.BestIsFeasible == false ? " (not feasible)" : "")}");
        if (progressEvent.Fraction is { } fraction)
            parts.Add(fraction.ToString("P0", CultureInfo.InvariantCulture));
        if (progressEvent.Message is { } message)
            parts.Add(message);
        return string.Join("  ", parts);
    }

    /// <summary>The progress bar's caption: state, backend and best-so-far objective.</summary>
    public static string Caption(JobProgressEvent progressEvent) =>
        $"{progressEvent.State}{(progressEvent.Backend is { } backend ? $" · {backend}" : "")}" +
        $"{(progressEvent.BestObjective is { } best ? $" · best {ResultRenderer.Format(best)}" : "")}";
}
