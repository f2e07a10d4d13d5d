using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Filters;

/// <summary>Runs a call through the caller's outgoing filters, in registration order, then sends it.</summary>
internal sealed class OutgoingCallContext : GrainCallContext, IOutgoingGrainCallContext
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly Func<GrainReference, IInvokable, ValueTask<Response>> _send;
    private readonly GrainReference _reference;
    private int _stage;

    private OutgoingCallContext(GrainReference reference, IInvokable request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters, Func<GrainReference, IInvokable, ValueTask<Response>> send)
        : base(request)
    {
        _reference = reference;
        _filters = filters;
        _send = send;
        SourceId = sourceId;
    }

    public static async ValueTask<Response> InvokeAsync(GrainReference reference, IInvokable request, GrainId? sourceId, IOutgoingGrainCallFilter[] filters, Func<GrainReference, IInvokable, ValueTask<Response>> send)
    {
        var context = new OutgoingCallContext(reference, request, sourceId, filters, send);
        await context.Invoke();
        return context.TakeResponse("outgoing");
    }

    public GrainId? SourceId { get; }
    public GrainId TargetId => _reference.GrainId;
    public IAddressable Grain => _reference;

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
