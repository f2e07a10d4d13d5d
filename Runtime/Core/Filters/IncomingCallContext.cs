using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Filters;

/// <summary>Runs a call through the silo-wide incoming filters, then the grain's own filter, then the method.</summary>
internal sealed class IncomingCallContext : GrainCallContext, IIncomingGrainCallContext
{
    private readonly ActivationData _activation;
    private readonly Message _message;
    private readonly IIncomingGrainCallFilter[] _filters;
    private int _stage;

    private IncomingCallContext(ActivationData activation, Message message, IInvokable request, IIncomingGrainCallFilter[] filters)
        : base(request)
    {
        _activation = activation;
        _message = message;
        _filters = filters;
    }

    public static async ValueTask<Response> InvokeAsync(ActivationData activation, Message message, IInvokable request, IIncomingGrainCallFilter[] filters)
    {
        var context = new IncomingCallContext(activation, message, request, filters);
        await context.Invoke();
        return context.TakeResponse("incoming");
    }

    public GrainId? SourceId => _message.SendingGrain;
    public GrainId TargetId => _message.TargetGrain;
    public IGrainContext TargetContext => _activation;
    public object Grain => _activation.GrainInstance!;

    public async Task Invoke()
    {
        var stage = _stage++;
        if (stage < _filters.Length)
        {
            await _filters[stage].Invoke(this);
            return;
        }
        if (stage == _filters.Length && Grain is IIncomingGrainCallFilter grainFilter)
        {
            await grainFilter.Invoke(this);
            return;
        }
        Response = await Request.Invoke(Grain);
    }
}
