namespace QuantumScheduler.Runtime.Storage;

/// <summary>Well-known grain storage provider names.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider a <c>[PersistentState]</c> without a storage name uses, as in Orleans.</summary>
    public const string Default = "Default";
}
