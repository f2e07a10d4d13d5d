using QuantumScheduler.Grains.Jobs;
using Spectre.Console;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>
/// Follows a job's events until it ends: on an interactive terminal a live progress bar (fraction of the attempt's time
/// limit) captioned with the state, backend and best-so-far objective; otherwise (pipes, logs, tests) one line per
/// event.
/// </summary>
internal static class WatchRenderer
{
    public static async Task WatchAsync(IAnsiConsole console, IAsyncEnumerable<JobProgressEvent> events)
    {
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
        {
            await foreach (var progressEvent in events.ConfigureAwait(false))
                console.WriteLine(JobEventText.Describe(progressEvent));
            return;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("Submitted", maxValue: 100);
                await foreach (var progressEvent in events.ConfigureAwait(false))
                {
                    bar.Description = Markup.Escape(JobEventText.Caption(progressEvent));
                    if (progressEvent.Fraction is { } fraction)
                        bar.Value = Math.Clamp(fraction, 0, 1) * 100;
                    if (progressEvent.State.IsTerminal())
                    {
                        bar.Value = 100;
                        bar.StopTask();
                    }
                }
            }).ConfigureAwait(false);
    }
}
