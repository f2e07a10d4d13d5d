namespace QuantumScheduler.Runtime.Invocation;

/// <summary>
/// One grain method call as data: the generated request type of one interface method. It carries the
/// arguments as fields, is serialised whole (so a local call gets copies), and dispatches itself on the
/// target without reflection.
/// </summary>
public interface IInvokable
{
    /// <summary>The grain interface that declares the method.</summary>
    Type InterfaceType { get; }

    /// <summary>The method's name, for filters, logs, traces and metrics.</summary>
    string MethodName { get; }

    /// <summary>Flags from the interface method's attributes.</summary>
    InvokeMethodOptions Options { get; }

    /// <summary>The per-method <c>[ResponseTimeout]</c>, or null for the runtime's default.</summary>
    TimeSpan? ResponseTimeout { get; }

    /// <summary>Number of arguments, not counting a trailing <see cref="CancellationToken"/>.</summary>
    int ArgumentCount { get; }

    object? GetArgument(int index);

    void SetArgument(int index, object? value);

    /// <summary>The caller's token (caller side) or the token the runtime wired for the callee (callee side).
    /// Never serialised. <see cref="CancellationToken.None"/> when the method takes no token.</summary>
    CancellationToken CancellationToken { get; set; }

    /// <summary>Whether the method declares a trailing <see cref="CancellationToken"/> parameter.</summary>
    bool IsCancellable { get; }

    /// <summary>Calls the method on <paramref name="target"/> (the grain instance) and wraps its outcome.
    /// An exception thrown by the method is returned inside the response, never thrown.</summary>
    ValueTask<Response> Invoke(object target);
}
