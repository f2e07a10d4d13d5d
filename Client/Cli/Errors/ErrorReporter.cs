using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Runtime;
using Spectre.Console;

namespace QuantumScheduler.Cli.Errors;

/// <summary>Turns a command's failure into the message the user reads (the server's own text, which names every
/// problem and where it is) and the documented exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(IAnsiConsole console, Exception exception)
    {
        var (code, label) = Classify(exception);
        // A cancellation's own message ("A task was canceled.") says nothing the label does not.
        console.MarkupLine(exception is OperationCanceledException ? $"[red]{label}[/]" : $"[red]{label}:[/] {Markup.Escape(exception.Message)}");
        return code;
    }

    private static (int Code, string Label) Classify(Exception exception) => exception switch
    {
        InvalidProblemException => (ExitCodes.BadInput, "invalid problem"),
        UnknownBackendException => (ExitCodes.BadInput, "unknown backend"),
        ProblemTooLargeException => (ExitCodes.BadInput, "problem too large"),
        BackendUnavailableException => (ExitCodes.BadInput, "backend unavailable"),
        JobConflictException => (ExitCodes.BadInput, "conflict"),
        UsageException => (ExitCodes.BadInput, "usage"),
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.BadInput, "cannot read"),
        JobNotFoundException => (ExitCodes.NotFound, "not found"),
        BudgetExceededException => (ExitCodes.BudgetExceeded, "budget exceeded"),
        CannotConnectException or SiloUnavailableException => (ExitCodes.CannotConnect, "cannot connect"),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        _ => (ExitCodes.Unexpected, "error"),
    };
}
