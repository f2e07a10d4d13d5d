using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Filters;

/// <summary>Runs a call through the caller's outgoing filters, in registration order, then sends it.</summary>
internal sealed class OutgoingCallContext : IOutgoingGrainCallContext
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly Func<GrainReference, IInvokable, ValueTask<Response>> _send;
    private readonly GrainReference _reference;
    private int _stage;

    private OutgoingCallContext(GrainReference reference, IInvokable request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters, Func<GrainReference, IInvokable, ValueTask<Response>> send)
    {
        _reference = reference;
        _filters = filters;
        _send = send;
        Request = request;
        SourceId = sourceId;
    }

    public static async ValueTask<Response> InvokeAsync(GrainReference reference, IInvokable request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters, Func<GrainReference, IInvokable, ValueTask<Response>> send)
    {
        var context = new OutgoingCallContext(reference, request, sourceId, filters, send);
        await context.Invoke();
        return context.Response ?? throw new InvalidOperationException(
            $"An outgoing grain call filter returned without invoking {request.InterfaceType.Name}.{request.MethodName} or setting a result.");
    }

    public IInvokable Request { get; }
    public GrainId? SourceId { get; }
    public GrainId TargetId => _reference.GrainId;
    public Type InterfaceType => Request.InterfaceType;
    public string InterfaceName => Request.InterfaceType.FullName ?? Request.InterfaceType.Name;
    public string MethodName => Request.MethodName;
    public IAddressable Grain => _reference;
    public Response? Response { get; set; }

    public object? Result
    {
        get => Response?.Result;
        set => Response = Response.FromResult(value);
    }

    public async Task Invoke()
    {
        var stage = _stage++;
        if (stage < _filters.Length)
        {
            await _filters[stage].Invoke(this);
            return;
        }
        Response = await _send(_reference, Request);
    }
}
