namespace QuantumScheduler.Runtime;

/// <summary>
/// The silo refused the call because it is stopping (or not started). The call did not run; retrying it,
/// against another silo or after a restart, is safe.
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    public SiloUnavailableException(string message) : base(message) { }

    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Always true: the request was not executed.</summary>
    public bool IsRetryable => true;
}
