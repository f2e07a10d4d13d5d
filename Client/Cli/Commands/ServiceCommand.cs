using System.CommandLine;
using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Cli.Errors;

namespace QuantumScheduler.Cli.Commands;

/// <summary>The frame of every command that talks to the service: connect (embedded or gateway), run, disconnect,
/// and turn any failure into its message and exit code.</summary>
internal static class ServiceCommand
{
    public static Command WithConnectionOptions(this Command command, GlobalOptions global)
    {
        foreach (var option in global.All)
            command.Options.Add(option);
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, GlobalOptions global, ParseResult parseResult,
        Func<IClusterSession, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var session = await context.Connector.ConnectAsync(global.Read(parseResult, context.Environment), cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
                return await body(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return ErrorReporter.Report(context.Console, exception);
        }
    }

    /// <summary>A required job id argument.</summary>
    public static Argument<string> JobIdArgument() => new("ID") { Description = "The job id (as submit printed it)." };
}
