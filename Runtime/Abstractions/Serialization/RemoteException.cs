namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// Stands in for an exception whose type this process does not know (or cannot construct from a message):
/// it keeps the original type's name, message, remote stack trace and inner exception.
/// </summary>
public sealed class RemoteException : Exception
{
    public RemoteException(string originalTypeName, string message, Exception? innerException)
        : base(message, innerException)
    {
        OriginalTypeName = originalTypeName;
    }

    /// <summary>The full name of the exception type that was thrown remotely.</summary>
    public string OriginalTypeName { get; }

    public override string ToString() => $"{OriginalTypeName} (remote): {base.ToString()}";
}
