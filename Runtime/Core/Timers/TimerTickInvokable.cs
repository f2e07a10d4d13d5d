using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Timers;

/// <summary>A timer tick as a request, so it goes through the activation's mailbox like a call.</summary>
internal sealed class TimerTickInvokable(GrainTimer timer) : IInvokable
{
    public Type InterfaceType => typeof(IGrainTimer);
    public string MethodName => "tick";
    public InvokeMethodOptions Options => InvokeMethodOptions.OneWay;
    public TimeSpan? ResponseTimeout => null;
    public int ArgumentCount => 0;
    public CancellationToken CancellationToken { get; set; }
    public bool IsCancellable => false;

    public object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index), "A timer tick has no arguments.");

    public void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index), "A timer tick has no arguments.");

    public ValueTask<Response> Invoke(object target) => timer.TickAsync();
}
