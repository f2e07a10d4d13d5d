using System.Diagnostics;
using System.Diagnostics.Metrics;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Telemetry;

/// <summary>
/// The silo's metric instruments (meter <see cref="RuntimeTelemetry.Name"/>, tagged with the silo name).
/// Every record checks <c>Enabled</c> first so an unobserved instrument costs a branch on the call path.
/// </summary>
internal sealed class RuntimeInstruments : IDisposable
{
    private readonly Meter _meter;
    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _timeouts;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _activationFailures;

    public RuntimeInstruments(IMeterFactory meterFactory, string siloName)
    {
        _meter = meterFactory.Create(new MeterOptions(RuntimeTelemetry.Name)
        {
            Tags = [new KeyValuePair<string, object?>(RuntimeTelemetry.SiloTag, siloName)],
        });
        _activations = _meter.CreateUpDownCounter<long>(RuntimeTelemetry.ActivationsInstrument, "{activation}", "Activations, by grain type.");
        _calls = _meter.CreateCounter<long>(RuntimeTelemetry.CallsInstrument, "{call}", "Grain calls handled, by interface, method and outcome (ok, error).");
        _callDuration = _meter.CreateHistogram<double>(RuntimeTelemetry.CallDurationInstrument, "ms", "Time from the start of a call's turn to its response, by interface and method.");
        _timeouts = _meter.CreateCounter<long>(RuntimeTelemetry.TimeoutsInstrument, "{call}", "Calls whose response did not arrive within the response timeout.");
        _rejected = _meter.CreateCounter<long>(RuntimeTelemetry.RejectedInstrument, "{call}", "Calls refused without running, by reason.");
        _activationFailures = _meter.CreateCounter<long>(RuntimeTelemetry.ActivationFailuresInstrument, "{activation}", "Activations whose state load or OnActivateAsync failed.");
    }

    public Meter Meter => _meter;

    /// <summary>Publishes each activation's queue length, read when a listener collects.</summary>
    public void ObserveQueueLengths(Func<IEnumerable<ActivationData>> activations) =>
        _meter.CreateObservableGauge(RuntimeTelemetry.QueueLengthInstrument, () => QueueLengths(activations()), "{message}", "Requests waiting in each activation's queue.");

    public void ActivationAdded(string grainType) => _activations.Add(1, new KeyValuePair<string, object?>(RuntimeTelemetry.GrainTypeTag, grainType));

    public void ActivationRemoved(string grainType) => _activations.Add(-1, new KeyValuePair<string, object?>(RuntimeTelemetry.GrainTypeTag, grainType));

    public void ActivationFailed(string grainType) => _activationFailures.Add(1, new KeyValuePair<string, object?>(RuntimeTelemetry.GrainTypeTag, grainType));

    public void RecordCall(Message message, bool succeeded, long startTimestamp)
    {
        if (_calls.Enabled)
        {
            var tags = new TagList
            {
                { RuntimeTelemetry.InterfaceTag, message.InterfaceType.FullName },
                { RuntimeTelemetry.MethodTag, message.MethodName },
                { RuntimeTelemetry.OutcomeTag, succeeded ? "ok" : "error" },
            };
            _calls.Add(1, tags);
        }
        if (_callDuration.Enabled)
        {
            var tags = new TagList
            {
                { RuntimeTelemetry.InterfaceTag, message.InterfaceType.FullName },
                { RuntimeTelemetry.MethodTag, message.MethodName },
            };
            _callDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
        }
    }

    public void RecordTimeout(Message message)
    {
        if (_timeouts.Enabled)
            _timeouts.Add(1, new TagList { { RuntimeTelemetry.InterfaceTag, message.InterfaceType.FullName }, { RuntimeTelemetry.MethodTag, message.MethodName } });
    }

    public void RecordRejection(string reason)
    {
        if (_rejected.Enabled)
            _rejected.Add(1, new KeyValuePair<string, object?>(RuntimeTelemetry.ReasonTag, reason));
    }

    private static IEnumerable<Measurement<int>> QueueLengths(IEnumerable<ActivationData> activations)
    {
        foreach (var activation in activations)
        {
            yield return new Measurement<int>(activation.QueueLength, new TagList
            {
                { RuntimeTelemetry.GrainTypeTag, activation.GrainId.Type },
                { RuntimeTelemetry.GrainIdTag, activation.GrainId.ToString() },
            });
        }
    }

    public void Dispose() => _meter.Dispose();
}
