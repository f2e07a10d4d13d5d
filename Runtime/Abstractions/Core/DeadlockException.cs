namespace QuantumScheduler.Runtime;

/// <summary>
/// A call would re-enter a non-reentrant grain that is waiting further up the same call chain (A → B → A),
/// which can never complete. Thrown at once instead of after the response timeout. Allow such cycles with
/// <see cref="RequestContext.AllowCallChainReentrancy"/> or mark the grain <c>[Reentrant]</c>.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException(string message) : base(message) { }

    public DeadlockException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Formats the message for the cycle <paramref name="chain"/> (oldest first) closing at <paramref name="target"/>.</summary>
    public static string Describe(IEnumerable<GrainId> chain, GrainId target) =>
        $"call cycle {string.Join(" → ", chain.Append(target))} on non-reentrant grain {target}";
}
