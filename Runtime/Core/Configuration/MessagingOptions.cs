namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Call delivery. Bound from <c>QuantumScheduler:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "QuantumScheduler:Messaging";

    /// <summary>How long a caller waits for a response before the call fails with <see cref="TimeoutException"/>
    /// (a method's <c>[ResponseTimeout]</c> overrides it). The call's outcome is then unknown; it is never resent.
    /// Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
