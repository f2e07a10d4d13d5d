using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Client.Messaging;

/// <summary>What became of one attempt to send a call through one gateway.</summary>
internal enum CallOutcomeKind
{
    /// <summary>The gateway answered with the call's response (a result or the grain's exception).</summary>
    Completed,

    /// <summary>The request never left this process (the connection was closed first): safe to send elsewhere.</summary>
    NotSent,

    /// <summary>The gateway refused it without running it (leaving, or the cluster refused it): safe to send again.</summary>
    Rejected,

    /// <summary>The request was sent and the connection broke before the response: it may have run.</summary>
    Lost,
}

/// <summary>The outcome of one attempt: the response when <see cref="Kind"/> is Completed, else why not.</summary>
internal readonly record struct CallOutcome(CallOutcomeKind Kind, Response? Response = null, string? Reason = null, bool GatewayLeaving = false);
