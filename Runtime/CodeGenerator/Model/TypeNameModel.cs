namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    /// <summary>A type to register under a wire name (enums found in signatures and members).</summary>
    internal sealed record TypeNameModel(string TypeName, string WireName);
}
