namespace QuantumScheduler.Cli.Connection;

/// <summary>There is no scheduling service to talk to; the message says why and what to do instead.</summary>
internal sealed class CannotConnectException(string message, Exception? innerException = null) : Exception(message, innerException);
