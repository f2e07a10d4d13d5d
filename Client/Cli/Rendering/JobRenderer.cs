using System.Globalization;
using QuantumScheduler.Grains.Jobs;
using Spectre.Console;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>Shows a job: what it is, where it is in its life, its attempts and costs.</summary>
internal static class JobRenderer
{
    public static void Write(IAnsiConsole console, JobSnapshot job)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("job", Markup.Escape(job.JobId));
        grid.AddRow("state", StateMarkup(job.State));
        grid.AddRow("tenant", Markup.Escape(job.Tenant));
        if (job.ProblemName is { } problem)
            grid.AddRow("problem", Markup.Escape(problem));
        if (job.ClientRequestId is { } requestId)
            grid.AddRow("request id", Markup.Escape(requestId));
        if (job.Backend is { } backend)
            grid.AddRow("backend", $"{Markup.Escape(backend)} (attempt {job.Attempt})");
        if (job.BestObjective is { } best)
            grid.AddRow("best objective", ResultRenderer.Format(best) + (job.FromCache ? " [grey](from the solution cache)[/]" : ""));
        grid.AddRow("submitted", Time(job.SubmittedAt));
        grid.AddRow("cost", $"estimated {Money(job.EstimatedCost)}{(job.ActualCost is { } actual ? $", actual {Money(actual)}" : "")}");
        if (job.Error is { } error)
            grid.AddRow("error", $"[red]{Markup.Escape(error)}[/]");
        console.Write(grid);

        if (job.Transitions.Count > 0)
        {
            var transitions = new Table().Title("transitions").AddColumns("at", "state", "backend", "attempt", "detail");
            foreach (var transition in job.Transitions)
                transitions.AddRow(ClockTime(transition.At), StateMarkup(transition.State), Markup.Escape(transition.Backend ?? ""),
                    transition.Attempt == 0 ? "" : transition.Attempt.ToString(CultureInfo.InvariantCulture), Markup.Escape(transition.Detail ?? ""));
            console.Write(transitions);
        }

        if (job.Attempts.Count > 0)
        {
            var attempts = new Table().Title("attempts").AddColumns("#", "backend", "worker", "started", "ended", "outcome", "error");
            foreach (var attempt in job.Attempts)
                attempts.AddRow(attempt.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(attempt.Backend), Markup.Escape(attempt.Worker ?? ""),
                    ClockTime(attempt.StartedAt), attempt.EndedAt is { } ended ? ClockTime(ended) : "", attempt.Outcome?.ToString() ?? "running",
                    Markup.Escape(attempt.Error ?? ""));
            console.Write(attempts);
        }
    }

    public static string StateMarkup(JobState state) => state switch
    {
        JobState.Completed => "[green]Completed[/]",
        JobState.Incomplete => "[yellow]Incomplete[/]",
        JobState.Failed => "[red]Failed[/]",
        JobState.Cancelled => "[grey]Cancelled[/]",
        _ => state.ToString(),
    };

    public static string Money(decimal amount) => amount.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Time of day only, for the tables under the submitted date (keeps them narrow).</summary>
    private static string ClockTime(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
