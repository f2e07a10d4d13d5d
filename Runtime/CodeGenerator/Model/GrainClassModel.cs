namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    /// <summary>A grain class: the contents of its <c>GrainClassDescriptor</c>.</summary>
    internal sealed record GrainClassModel(
        string TypeName,
        string GrainType,
        EquatableArray<string> Interfaces,
        bool IsReentrant,
        int? StatelessWorkerMaxLocal,
        bool KeepAlive,
        long? CollectionAgeTicks,
        string? Placement,
        EquatableArray<ConstructorParameterModel> ConstructorParameters,
        bool CanCreate,
        EquatableArray<DiagnosticInfo> Diagnostics);

    internal enum ConstructorParameterKind
    {
        /// <summary>Resolved from the activation's services.</summary>
        Service,

        /// <summary>The <c>IGrainContext</c> itself.</summary>
        GrainContext,

        /// <summary><c>[PersistentState]</c>: created by <c>IPersistentStateFactory</c>.</summary>
        PersistentState,
    }

    /// <summary>For <see cref="ConstructorParameterKind.PersistentState"/>, <see cref="TypeName"/> is the state type.</summary>
    internal sealed record ConstructorParameterModel(ConstructorParameterKind Kind, string TypeName, string? StateName, string? StorageName);
}
