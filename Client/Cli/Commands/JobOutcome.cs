using QuantumScheduler.Cli.Rendering;
using QuantumScheduler.Client;
using QuantumScheduler.Grains.Jobs;
using Spectre.Console;

namespace QuantumScheduler.Cli.Commands;

/// <summary>Shows how a job ended (its schedule when it has one) and maps the ending to the exit code.</summary>
internal static class JobOutcome
{
    public static async Task<int> ShowAsync(IAnsiConsole console, QuantumSchedulerClient client, JobSnapshot job, CancellationToken cancellationToken)
    {
        console.MarkupLine($"job [bold]{Markup.Escape(job.JobId)}[/] is {JobRenderer.StateMarkup(job.State)}");
        if (job.Error is { } error)
            console.MarkupLine($"[red]{Markup.Escape(error)}[/]");

        var result = await client.GetResultAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            if (!job.State.IsTerminal())
                console.MarkupLine($"no result yet; follow it with [bold]qs submit … --watch[/] or ask again with [bold]qs result {Markup.Escape(job.JobId)}[/]");
            return ExitCodes.JobFailed;
        }

        ResultRenderer.Write(console, ScheduleView.From(result));
        return job.State is JobState.Completed or JobState.Incomplete ? ExitCodes.Ok : ExitCodes.JobFailed;
    }
}
