using System.CommandLine;
using QuantumScheduler.Cli.Commands;
using QuantumScheduler.Cli.Connection;
using Spectre.Console;

namespace QuantumScheduler.Cli;

/// <summary>The <c>qs</c> command tree and its entry point.</summary>
internal static class QsCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var global = new GlobalOptions();
        return new RootCommand("qs: submit scheduling problems to QuantumScheduler, follow them, read their schedules, costs and budgets; or solve offline.")
        {
            SubmitCommand.Create(context, global),
            JobCommands.Status(context, global),
            JobCommands.Result(context, global),
            JobCommands.Cancel(context, global),
            JobCommands.Cost(context, global),
            OperatorCommands.Backends(context, global),
            OperatorCommands.Budget(context, global),
            SolveCommand.Create(context),
        };
    }

    /// <summary>Parses and runs; usage errors are printed and exit with <see cref="ExitCodes.BadInput"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parseResult = Build(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
                context.Console.MarkupLine($"[red]usage:[/] {Markup.Escape(error.Message)}");
            context.Console.MarkupLine("run [bold]qs --help[/] (or qs COMMAND --help) for the commands and their options");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Console.Profile.Out.Writer,
            // Ctrl+C cancels the command's token; give an embedded silo time to stop cleanly.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
