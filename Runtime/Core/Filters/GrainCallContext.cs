using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Filters;

/// <summary>What incoming and outgoing call contexts share: the request and its outcome.</summary>
internal abstract class GrainCallContext(IInvokable request)
{
    public IInvokable Request { get; } = request;
    public Type InterfaceType => Request.InterfaceType;
    public string InterfaceName => Request.InterfaceType.FullName ?? Request.InterfaceType.Name;
    public string MethodName => Request.MethodName;
    public Response? Response { get; set; }

    public object? Result
    {
        get => Response?.Result;
        set => Response = Response.FromResult(value);
    }

    /// <summary>The outcome once the filter chain has run, or a clear error when a filter swallowed the call.</summary>
    protected Response TakeResponse(string direction) =>
        Response ?? throw new InvalidOperationException(
            $"An {direction} grain call filter returned without invoking {InterfaceType.Name}.{MethodName} or setting a result.");
}
