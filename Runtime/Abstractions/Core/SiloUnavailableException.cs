namespace QuantumScheduler.Runtime;

/// <summary>
/// The silo refused the call because it is stopping (or not started), or could not be reached: the call did not run,
/// and retrying it, against another silo or after a restart, is safe. The one exception is a call already sent when
/// the connection to its silo was lost (<see cref="MayHaveRun"/>): its outcome is unknown.
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException(string message) : base(message) { }

    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A call that was sent and then lost with its silo's connection, when <paramref name="mayHaveRun"/> is true.</summary>
    public SiloUnavailableException(string message, bool mayHaveRun) : base(message) => MayHaveRun = mayHaveRun;

    /// <summary>True when the request had reached its silo before the connection was lost, so it may have run. It
    /// travels with the exception to other silos and to clients, which therefore never resend such a call.</summary>
    public bool MayHaveRun { get; }

    /// <summary>True unless <see cref="MayHaveRun"/>: the request was not executed, so resending it is safe.</summary>
    public bool IsRetryable => !MayHaveRun;
}
