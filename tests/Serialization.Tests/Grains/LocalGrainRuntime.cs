using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;

namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

/// <summary>
/// A stand-in for the engine: copies each request through the serializer, invokes the copy on a local
/// object and copies the response back, as a call to another silo would.
/// </summary>
internal sealed class LocalGrainRuntime : IGrainReferenceRuntime
{
    private readonly Dictionary<GrainId, object> _grains = new();

    public LocalGrainRuntime() => Serializer = new Serializer(this);

    public Serializer Serializer { get; }

    public List<IInvokable> Received { get; } = [];

    public void Add(GrainId grainId, object grain) => _grains[grainId] = grain;

    public T GetGrain<T>(GrainId grainId) where T : IAddressable => (T)(object)CreateReference(grainId, typeof(T));

    public async ValueTask<T> InvokeAsync<T>(GrainReference reference, IInvokable request)
    {
        var response = await Send(reference, request);
        return response.GetResult<T>();
    }

    public async ValueTask InvokeAsync(GrainReference reference, IInvokable request)
    {
        var response = await Send(reference, request);
        response.GetResult<object>();
    }

    public void InvokeOneWay(GrainReference reference, IInvokable request) => _ = Send(reference, request);

    public GrainReference CreateReference(GrainId grainId, Type interfaceType) =>
        GeneratedCodeManifest.TryGetProxyFactory(interfaceType, out var factory)
            ? factory(grainId, this)
            : throw new InvalidOperationException($"No proxy for {interfaceType}");

    private async Task<Response> Send(GrainReference reference, IInvokable request)
    {
        var bytes = Serializer.SerializeToArray<IInvokable>(request);
        var copy = Serializer.Deserialize<IInvokable>(bytes);
        copy.CancellationToken = request.CancellationToken;
        Received.Add(copy);
        var response = await copy.Invoke(_grains[reference.GrainId]);
        return Serializer.Deserialize<Response>(Serializer.SerializeToArray(response));
    }
}
