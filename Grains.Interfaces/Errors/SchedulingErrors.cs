namespace QuantumScheduler.Grains.Errors;

// Each refusal is its own exception type so clients (SDK, CLI, gateways) can tell them apart after a grain call;
// the runtime keeps type and message across the wire (message-only constructors, registered by the grains' startup).

/// <summary>The problem does not parse or does not validate; the message lists every error with its path.</summary>
public sealed class InvalidProblemException(string message) : Exception(message);

/// <summary>No backend or strategy has the requested name; the message lists the known ones.</summary>
public sealed class UnknownBackendException(string message) : Exception(message);

/// <summary>The named backend cannot run jobs here: it is disabled in the configuration, or unavailable (no hardware
/// provider, a missing native library); the message says which, and why.</summary>
public sealed class BackendUnavailableException(string message) : Exception(message);

/// <summary>The problem exceeds the chosen backend's limits (max_problem_size, max_qubits); the message names both numbers.</summary>
public sealed class ProblemTooLargeException(string message) : Exception(message);

/// <summary>Reserving the job's estimated cost would exceed a hard budget limit; the message names the budget, the
/// period, the limit and the amounts.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);

/// <summary>No job was submitted under this id.</summary>
public sealed class JobNotFoundException(string message) : Exception(message);

/// <summary>A different submission already exists under this job id (or client request id).</summary>
public sealed class JobConflictException(string message) : Exception(message);
