using System.Diagnostics;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// One message on the path between a caller and an activation: headers plus a body (the copied request,
/// or the response). Local calls use the same message as a remote transport will serialise, so moving a
/// grain to another silo changes nothing for its caller. Fields below "local routing" never travel.
/// </summary>
public sealed class Message
{
    /// <summary>Correlates the response with the caller's callback; unique per sending silo.</summary>
    public required long Id { get; init; }

    public required MessageDirection Direction { get; init; }

    public required GrainId TargetGrain { get; init; }

    /// <summary>The calling grain, or null when the caller is not a grain.</summary>
    public GrainId? SendingGrain { get; init; }

    public required Type InterfaceType { get; init; }

    public required string MethodName { get; init; }

    public InvokeMethodOptions Options { get; init; }

    /// <summary>When the caller stops waiting (<see cref="Environment.TickCount64"/> milliseconds); the
    /// callee drops the message if it is still queued then. <see cref="long.MaxValue"/> never expires.</summary>
    public long ExpiresAt { get; init; } = long.MaxValue;

    /// <summary>The activations waiting upstream of this call.</summary>
    public CallChain CallChain { get; init; }

    /// <summary>The caller's trace context (W3C trace-context), so the callee's span joins the same trace.</summary>
    public ActivityContext TraceContext { get; init; }

    /// <summary>The caller's <see cref="RequestContext"/> values, copied; null when there are none.</summary>
    internal RequestContextData? RequestContext { get; set; }

    /// <summary>The silo waiting for the response; null when the caller is in this silo. A forwarded request keeps
    /// its original sender, so the response goes straight back to it.</summary>
    public SiloAddress? SendingSilo { get; init; }

    /// <summary>The silo the request was last sent to (null while it stays in this silo); a response from another
    /// silo tells the caller that its directory cache was stale.</summary>
    public SiloAddress? TargetSilo { get; internal set; }

    /// <summary>How many times silos passed this request on because the grain lived elsewhere; bounded by
    /// <c>QuantumScheduler:Transport:MaxForwardCount</c>.</summary>
    public int ForwardCount { get; internal set; }

    /// <summary>The request (<see cref="IInvokable"/>) or the <see cref="Response"/>; always set by the runtime, which
    /// replaces a caller-owned request by its copy on local delivery.</summary>
    public object Body { get; internal set; } = null!;

    /// <summary>True when the caller asked that the call chain may re-enter grains waiting upstream.</summary>
    public bool AllowCallChainReentrancy => RequestContext?.AllowCallChainReentrancy ?? false;

    public bool IsExpired(long now) => now >= ExpiresAt;

    // Local routing: where the message was delivered and how the runtime treats it there.

    /// <summary>Set while <see cref="Body"/> and <see cref="RequestContext"/> are still the caller's own objects: a
    /// clustered silo copies them only once it knows the call stays in this silo (a remote call is serialised instead).</summary>
    internal bool IsCallerOwned { get; set; }

    /// <summary>The activation the message was delivered to (set on delivery).</summary>
    internal ActivationData? TargetActivation { get; set; }

    /// <summary>Cancels the callee's token when the caller cancels while the request runs.</summary>
    internal CancellationTokenSource? CalleeCancellation { get; set; }

    /// <summary>Set when the activation admitted the message (it runs or has run).</summary>
    internal bool IsStarted { get; set; }

    /// <summary>Set when the caller cancelled or timed out: a queued message is then skipped.</summary>
    internal bool IsAbandoned { get; set; }

    /// <summary>A timer tick or lifecycle step: not copied, not filtered, not counted as a grain call.</summary>
    internal bool IsLocalOnly { get; init; }

    /// <summary>The silo whose response completed this request; null when it completed here (a local activation, or a
    /// failure raised by this silo's transport). A refusal from another silo is what the caller's runtime resends; a
    /// request not sent because its silo announced its departure counts as refused by that silo.</summary>
    internal SiloAddress? RespondingSilo { get; set; }

    /// <summary>Whether running this message counts as activity for idle collection.</summary>
    internal bool KeepsActivationAlive { get; init; } = true;

    public override string ToString() => $"{Direction} #{Id} {InterfaceType.Name}.{MethodName} → {TargetGrain}";
}
