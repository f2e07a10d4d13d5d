namespace QuantumScheduler.Cli;

/// <summary>What <c>qs</c> exits with; scripts branch on these (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (a watched or solved job ended with a schedule).</summary>
    public const int Ok = 0;

    /// <summary>The job failed or was cancelled, has no result yet, or an offline solve found no feasible schedule.</summary>
    public const int JobFailed = 1;

    /// <summary>Bad input or usage: unknown option, missing or unreadable file, invalid problem (every error is printed
    /// with its path), unknown backend, problem too large or refused by the backend, conflicting request id.</summary>
    public const int BadInput = 2;

    /// <summary>No cluster to talk to: the gateway is unreachable, no gateway was given, or the embedded silo did not start.</summary>
    public const int CannotConnect = 3;

    /// <summary>No job has the given id.</summary>
    public const int NotFound = 4;

    /// <summary>The job would exceed a hard budget limit; the message names the budget, the limit and the amounts.</summary>
    public const int BudgetExceeded = 5;

    /// <summary>Something unexpected went wrong (a bug or an unknown server error); the message says what.</summary>
    public const int Unexpected = 10;

    /// <summary>Interrupted (Ctrl+C) while waiting; a submitted job goes on.</summary>
    public const int Interrupted = 130;
}
