namespace QuantumScheduler.Runtime.Invocation;

/// <summary>
/// The runtime side of a proxy call: outgoing filters, copying the request by serialisation, routing,
/// awaiting the response within its timeout, rethrowing a remote exception. Implemented by the engine
/// (in a silo and in an external client).
/// </summary>
public interface IGrainReferenceRuntime
{
    ValueTask<T> InvokeAsync<T>(GrainReference reference, IInvokable request);

    ValueTask InvokeAsync(GrainReference reference, IInvokable request);

    void InvokeOneWay(GrainReference reference, IInvokable request);

    /// <summary>Creates a proxy of <paramref name="interfaceType"/> for <paramref name="grainId"/> (used when a
    /// grain reference is deserialised or cast with <c>AsReference</c>).</summary>
    GrainReference CreateReference(GrainId grainId, Type interfaceType);
}
