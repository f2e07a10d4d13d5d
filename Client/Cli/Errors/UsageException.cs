namespace QuantumScheduler.Cli.Errors;

/// <summary>An option value the parser accepted but the command cannot use (e.g. a negative time limit).</summary>
internal sealed class UsageException(string message) : Exception(message);
