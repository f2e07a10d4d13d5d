using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime;

/// <summary>One grain call as seen by a call filter.</summary>
public interface IGrainCallContext
{
    /// <summary>The request: its arguments can be read and replaced.</summary>
    IInvokable Request { get; }

    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    GrainId? SourceId { get; }

    GrainId TargetId { get; }

    Type InterfaceType { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    /// <summary>The outcome once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    Response? Response { get; set; }

    /// <summary>The result value once <see cref="Invoke"/> has completed (null for void methods or failures);
    /// setting it replaces the response with a successful one.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself after the last one.</summary>
    Task Invoke();
}

/// <summary>A call arriving at a grain (runs on the callee's silo, inside the callee's turn).</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    /// <summary>The activation receiving the call.</summary>
    IGrainContext TargetContext { get; }

    /// <summary>The grain instance receiving the call.</summary>
    object Grain { get; }
}

/// <summary>A call leaving the caller (runs on the caller's side before the request is sent).</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
    /// <summary>The grain reference the call is made through.</summary>
    IAddressable Grain { get; }
}
