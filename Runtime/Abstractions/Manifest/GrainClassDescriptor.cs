namespace QuantumScheduler.Runtime.Manifest;

/// <summary>
/// What the runtime knows about one grain class, emitted at compile time by the code generator so that
/// activation needs no reflection: its durable type name, the grain interfaces it implements, its
/// scheduling attributes and a factory that builds it with its constructor dependencies resolved.
/// </summary>
public sealed class GrainClassDescriptor
{
    /// <summary>The durable grain type name: <c>[GrainType]</c>, else the class name lower-cased without a trailing "grain".</summary>
    public required string GrainType { get; init; }

    public required Type GrainClass { get; init; }

    /// <summary>Every grain interface (extending <see cref="IGrain"/>) the class implements.</summary>
    public required IReadOnlyList<Type> Interfaces { get; init; }

    /// <summary><c>[Reentrant]</c> on the class.</summary>
    public bool IsReentrant { get; init; }

    /// <summary><c>[StatelessWorker(n)]</c>: null when the class is not a stateless worker; otherwise the
    /// maximum local activations (0 means <see cref="Environment.ProcessorCount"/>).</summary>
    public int? StatelessWorkerMaxLocal { get; init; }

    /// <summary><c>[KeepAlive]</c>: never collected for idleness.</summary>
    public bool KeepAlive { get; init; }

    /// <summary><c>[CollectionAgeLimit]</c>, or null for the silo's default.</summary>
    public TimeSpan? CollectionAge { get; init; }

    /// <summary>The placement strategy named by a placement attribute on the class, or null for the default.</summary>
    public string? Placement { get; init; }

    /// <summary>Builds an instance: constructor parameters resolved from the activation's services, and
    /// <c>[PersistentState]</c> parameters through <see cref="IPersistentStateFactory"/>.</summary>
    public required Func<IGrainContext, object> Create { get; init; }
}
