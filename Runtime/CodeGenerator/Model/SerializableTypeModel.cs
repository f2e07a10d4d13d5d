namespace QuantumScheduler.Runtime.CodeGenerator.Model
{
    internal enum TypeShape
    {
        Class,
        Struct,
        Enum,
    }

    /// <summary>How a codec makes the instance whose fields it then reads.</summary>
    internal enum CreationKind
    {
        /// <summary>The accessible parameterless constructor (field initialisers run); <c>required</c> members are
        /// given placeholder defaults in the object initializer, then read like any other field.</summary>
        Constructor,

        /// <summary>No usable constructor (e.g. a positional record): an uninitialised instance.</summary>
        Uninitialized,

        /// <summary>Abstract: only subclasses are instantiated.</summary>
        None,
    }

    /// <summary>A <c>[GenerateSerializer]</c> type as the codec emitter needs it.</summary>
    /// <remarks>For a generic type, <see cref="TypeName"/> uses its own type parameters (Result&lt;T&gt;), which
    /// the codec declares too: <see cref="TypeParameters"/> and <see cref="Constraints"/> are its declaration.</remarks>
    internal sealed record SerializableTypeModel(
        string TypeName,
        string TypeParameters,
        string Constraints,
        string? GenericDefinition,
        string WireName,
        string CodecName,
        TypeShape Shape,
        bool IsImmutable,
        CreationKind Creation,
        string? BaseTypeName,
        EquatableArray<MemberModel> Members,
        EquatableArray<TypeNameModel> ReferencedEnums,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<string> RequiredMembers);

    /// <summary>How generated code reaches a member: by name, or through an [UnsafeAccessor] to its field.</summary>
    internal enum MemberAccess
    {
        Direct,
        FieldAccessor,
    }

    /// <summary>One <c>[Id(n)]</c> member.</summary>
    internal sealed record MemberModel(uint Id, string Name, string TypeName, MemberAccess Read, MemberAccess Write, string FieldName);
}
