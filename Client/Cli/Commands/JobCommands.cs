using System.CommandLine;
using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Cli.Rendering;
using Spectre.Console;

namespace QuantumScheduler.Cli.Commands;

/// <summary><c>qs status</c>, <c>qs result</c>, <c>qs cancel</c> and <c>qs cost</c>: one job by its id.</summary>
internal static class JobCommands
{
    public static Command Status(CliContext context, GlobalOptions global)
    {
        var id = ServiceCommand.JobIdArgument();
        var command = new Command("status", "Show a job: state, backend, attempts, transitions, costs.") { id }.WithConnectionOptions(global);
        command.SetAction((parseResult, cancellationToken) => ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
        {
            JobRenderer.Write(context.Console, await session.Client.GetStatusAsync(parseResult.GetRequiredValue(id), token).ConfigureAwait(false));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static Command Result(CliContext context, GlobalOptions global)
    {
        var id = ServiceCommand.JobIdArgument();
        var command = new Command("result", "Show a job's schedule: a table of assignments and a chart (Gantt, or load per agent).") { id }.WithConnectionOptions(global);
        command.SetAction((parseResult, cancellationToken) => ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
        {
            var job = await session.Client.GetStatusAsync(parseResult.GetRequiredValue(id), token).ConfigureAwait(false);
            return await JobOutcome.ShowAsync(context.Console, session.Client, job, token).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    public static Command Cancel(CliContext context, GlobalOptions global)
    {
        var id = ServiceCommand.JobIdArgument();
        var reason = new Option<string?>("--reason") { Description = "Recorded on the job (default: cancelled by the client)." };
        var command = new Command("cancel", "Cancel a job that has not ended (its budget reservation is released).") { id, reason }.WithConnectionOptions(global);
        command.SetAction((parseResult, cancellationToken) => ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
        {
            var job = await session.Client.CancelAsync(parseResult.GetRequiredValue(id), parseResult.GetValue(reason), token).ConfigureAwait(false);
            context.Console.MarkupLine($"job [bold]{Markup.Escape(job.JobId)}[/] is {JobRenderer.StateMarkup(job.State)}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static Command Cost(CliContext context, GlobalOptions global)
    {
        var id = ServiceCommand.JobIdArgument();
        var command = new Command("cost", "Show a job's cost ledger: each attempt's resources, prices and the total.") { id }.WithConnectionOptions(global);
        command.SetAction((parseResult, cancellationToken) => ServiceCommand.RunAsync(context, global, parseResult, async (session, token) =>
        {
            AccountRenderer.WriteCost(context.Console, await session.Client.GetCostAsync(parseResult.GetRequiredValue(id), token).ConfigureAwait(false));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
