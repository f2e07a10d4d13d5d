using System.Diagnostics;

namespace QuantumScheduler.Runtime.Telemetry;

/// <summary>Names of the runtime's meter, activity source, instruments and tags.</summary>
public static class RuntimeTelemetry
{
    /// <summary>The name of both the <see cref="System.Diagnostics.Metrics.Meter"/> and the <see cref="ActivitySource"/>.</summary>
    public const string Name = "QuantumScheduler.Runtime";

    /// <summary>One span per grain call, on the callee, parented by the caller's span carried in the message.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    public const string ActivationsInstrument = "quantumscheduler.runtime.activations";
    public const string CallsInstrument = "quantumscheduler.runtime.calls";
    public const string CallDurationInstrument = "quantumscheduler.runtime.call.duration";
    public const string QueueLengthInstrument = "quantumscheduler.runtime.activation.queue_length";
    public const string TimeoutsInstrument = "quantumscheduler.runtime.call.timeouts";
    public const string RejectedInstrument = "quantumscheduler.runtime.calls.rejected";
    public const string ActivationFailuresInstrument = "quantumscheduler.runtime.activation.failures";

    public const string GrainTypeTag = "grain.type";
    public const string GrainIdTag = "grain.id";
    public const string InterfaceTag = "grain.interface";
    public const string MethodTag = "grain.method";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";
    public const string SiloTag = "silo";
}
