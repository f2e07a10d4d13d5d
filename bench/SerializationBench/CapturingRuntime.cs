using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;

namespace QuantumScheduler.Runtime.Serialization.Bench;

/// <summary>Captures the request a proxy builds, so the bench can copy a real generated invokable.</summary>
internal sealed class CapturingRuntime : IGrainReferenceRuntime
{
    public IInvokable? Last { get; private set; }

    public ValueTask<T> InvokeAsync<T>(GrainReference reference, IInvokable request)
    {
        Last = request;
        return ValueTask.FromResult(default(T)!);
    }

    public ValueTask InvokeAsync(GrainReference reference, IInvokable request)
    {
        Last = request;
        return ValueTask.CompletedTask;
    }

    public void InvokeOneWay(GrainReference reference, IInvokable request) => Last = request;

    public GrainReference CreateReference(GrainId grainId, Type interfaceType) =>
        GeneratedCodeManifest.TryGetProxyFactory(interfaceType, out var factory) ? factory(grainId, this) : throw new InvalidOperationException();
}
