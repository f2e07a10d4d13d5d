using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Filters;

/// <summary>Runs a call through the silo-wide incoming filters, then the grain's own filter, then the method.</summary>
internal sealed class IncomingCallContext : IIncomingGrainCallContext
{
    private readonly ActivationData _activation;
    private readonly Message _message;
    private readonly IIncomingGrainCallFilter[] _filters;
    private int _stage;

    private IncomingCallContext(ActivationData activation, Message message, IInvokable request, IIncomingGrainCallFilter[] filters)
    {
        _activation = activation;
        _message = message;
        _filters = filters;
        Request = request;
    }

    public static async ValueTask<Response> InvokeAsync(ActivationData activation, Message message, IInvokable request, IIncomingGrainCallFilter[] filters)
    {
        var context = new IncomingCallContext(activation, message, request, filters);
        await context.Invoke();
        return context.Response ?? throw new InvalidOperationException(
            $"An incoming grain call filter returned without invoking {message.InterfaceType.Name}.{message.MethodName} or setting a result.");
    }

    public IInvokable Request { get; }
    public GrainId? SourceId => _message.SendingGrain;
    public GrainId TargetId => _message.TargetGrain;
    public Type InterfaceType => Request.InterfaceType;
    public string InterfaceName => Request.InterfaceType.FullName ?? Request.InterfaceType.Name;
    public string MethodName => Request.MethodName;
    public IGrainContext TargetContext => _activation;
    public object Grain => _activation.GrainInstance!;
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
        if (stage == _filters.Length && Grain is IIncomingGrainCallFilter grainFilter)
        {
            await grainFilter.Invoke(this);
            return;
        }
        Response = await Request.Invoke(Grain);
    }
}
