using System.CommandLine;
using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Cli.Errors;
using QuantumScheduler.Cli.Rendering;
using QuantumScheduler.Client;
using Spectre.Console;

namespace QuantumScheduler.Cli.Commands;

/// <summary><c>qs submit FILE</c>: sends a problem to the service; with <c>--watch</c> follows it to the end.</summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Argument<string>("FILE") { Description = "A problem in the JSON problem format (see docs/problem-format.md)." };
        var backend = new Option<string?>("--backend", "-b") { Description = "A strategy (hybrid, adaptive_performance, cost_optimized) or a backend name (qs backends); default: the server's strategy." };
        var tenant = new Option<string?>("--tenant", "-t") { Description = "The budget to charge (default: default)." };
        var requestId = new Option<string?>("--request-id") { Description = "Makes the submit idempotent: the same id again returns the same job." };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Seconds per attempt (default: the server's, 10)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the randomised backends (default 1)." };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the job with a live progress bar until it ends, then show the schedule." };

        var command = new Command("submit", "Submit a problem file to the scheduling service.") { file, backend, tenant, requestId, timeLimit, seed, watch }
            .WithConnectionOptions(global);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string json;
            SubmitOptions options;
            try
            {
                // Read and check the arguments before connecting: a typo should not start a silo.
                json = await File.ReadAllTextAsync(parseResult.GetRequiredValue(file), cancellationToken).ConfigureAwait(false);
                options = new SubmitOptions
                {
                    Backend = parseResult.GetValue(backend),
                    Tenant = parseResult.GetValue(tenant),
                    ClientRequestId = parseResult.GetValue(requestId),
                    TimeLimit = Seconds(parseResult.GetValue(timeLimit)),
                    Seed = parseResult.GetValue(seed),
                };
            }
            catch (Exception exception)
            {
                return ErrorReporter.Report(context.Console, exception);
            }

            return await ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
            {
                var console = context.Console;
                var job = await session.Client.SubmitAsync(json, options, token).ConfigureAwait(false);
                console.MarkupLine($"submitted job [bold]{Markup.Escape(job.JobId)}[/] ({JobRenderer.StateMarkup(job.State)}, tenant {Markup.Escape(job.Tenant)})");

                if (!parseResult.GetValue(watch) && !session.IsEmbedded)
                {
                    console.MarkupLine($"follow it with [bold]qs status {Markup.Escape(job.JobId)}[/]; its schedule: [bold]qs result {Markup.Escape(job.JobId)}[/]");
                    return ExitCodes.Ok;
                }

                try
                {
                    if (parseResult.GetValue(watch))
                        await WatchRenderer.WatchAsync(console, session.Client.WatchAsync(job.JobId, 0, token)).ConfigureAwait(false);
                    // An embedded silo stops with this process, so the job is waited for even without --watch.
                    var ended = await session.Client.WaitAsync(job.JobId, null, token).ConfigureAwait(false);
                    return await JobOutcome.ShowAsync(console, session.Client, ended, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    console.MarkupLine(session.IsEmbedded
                        ? $"interrupted: job [bold]{Markup.Escape(job.JobId)}[/] is left queued in the data directory; it resumes while an embedded silo runs there again (the job checks every minute)"
                        : $"interrupted: job [bold]{Markup.Escape(job.JobId)}[/] goes on; see [bold]qs status {Markup.Escape(job.JobId)}[/]");
                    return ExitCodes.Interrupted;
                }
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static TimeSpan? Seconds(double? seconds) => seconds switch
    {
        null => null,
        > 0 and <= 86_400 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new UsageException($"--time-limit must be between 0 and 86400 seconds (was {seconds})."),
    };
}
