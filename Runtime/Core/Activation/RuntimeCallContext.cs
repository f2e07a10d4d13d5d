using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// The message whose turn the current flow belongs to (a request, a timer tick or a lifecycle step of an
/// activation). Outgoing calls read it to extend the call chain with the calling activation.
/// </summary>
internal static class RuntimeCallContext
{
    private static readonly AsyncLocal<Message?> Current = new();

    public static Message? CurrentMessage
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
