namespace QuantumScheduler.Runtime.Invocation;

/// <summary>
/// Base of every generated grain proxy: identity and interface, no location. Obtaining one activates
/// nothing; every call goes through <see cref="IGrainReferenceRuntime"/>.
/// </summary>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(GrainId grainId, IGrainReferenceRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    public GrainId GrainId { get; }

    public IGrainReferenceRuntime Runtime { get; }

    /// <summary>The grain interface this proxy implements.</summary>
    public abstract Type InterfaceType { get; }

    protected ValueTask<T> InvokeAsync<T>(IInvokable request) => Runtime.InvokeAsync<T>(this, request);

    protected ValueTask InvokeAsync(IInvokable request) => Runtime.InvokeAsync(this, request);

    protected void InvokeOneWay(IInvokable request) => Runtime.InvokeOneWay(this, request);

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId && InterfaceType == other.InterfaceType;
    public override bool Equals(object? obj) => Equals(obj as GrainReference);
    public override int GetHashCode() => HashCode.Combine(GrainId, InterfaceType);
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
