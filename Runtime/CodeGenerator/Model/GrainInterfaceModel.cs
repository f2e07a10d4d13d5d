namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    /// <summary>A grain interface declared in this compilation: its proxy implements <see cref="Methods"/>,
    /// which include the methods inherited from other grain interfaces.</summary>
    /// <remarks>For a generic interface the proxy and every invokable re-declare its type parameters:
    /// <see cref="TypeParameters"/>, <see cref="Constraints"/>; <see cref="GenericDefinition"/> is its typeof operand.</remarks>
    internal sealed record GrainInterfaceModel(
        string TypeName,
        string TypeParameters,
        string Constraints,
        string? GenericDefinition,
        string WireName,
        string ProxyName,
        bool IsValid,
        EquatableArray<MethodModel> Methods,
        EquatableArray<TypeNameModel> ReferencedEnums,
        EquatableArray<DiagnosticInfo> Diagnostics);

    internal enum ReturnKind
    {
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    /// <summary>One grain method and its invokable request type.</summary>
    internal sealed record MethodModel(
        string InterfaceTypeName,
        string Name,
        string InvokableName,
        string TypeParameters,
        string Constraints,
        string WireName,
        ReturnKind ReturnKind,
        string ReturnTypeName,
        string? ResultTypeName,
        EquatableArray<ParameterModel> Parameters,
        string? CancellationTokenName,
        int Options,
        long? ResponseTimeoutTicks);

    internal sealed record ParameterModel(string Name, string TypeName);
}
