using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using QuantumScheduler.Runtime.Telemetry;
using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class TelemetryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_chain_of_calls_is_one_trace_with_parent_links()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name is RuntimeTelemetry.Name or "tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource("tests");
        var key = Guid.NewGuid().ToString("N");

        using (var root = testSource.StartActivity("test root"))
        {
            await fixture.Grains.GetGrain<IChainGrain>(key + "-a").Forward([key + "-b", key + "-c"]);
            var trace = root!.TraceId;
            var spans = stopped.Where(span => span.TraceId == trace && span.Source.Name == RuntimeTelemetry.Name).ToArray();

            var a = spans.Single(span => (string?)span.GetTagItem(RuntimeTelemetry.GrainIdTag) == $"chain/{key}-a");
            var b = spans.Single(span => (string?)span.GetTagItem(RuntimeTelemetry.GrainIdTag) == $"chain/{key}-b");
            var c = spans.Single(span => (string?)span.GetTagItem(RuntimeTelemetry.GrainIdTag) == $"chain/{key}-c");
            Assert.Equal(root.SpanId, a.ParentSpanId);
            Assert.Equal(a.SpanId, b.ParentSpanId);
            Assert.Equal(b.SpanId, c.ParentSpanId);
            Assert.Equal("IChainGrain/Forward", a.DisplayName);
        }
    }

    [Fact]
    public async Task Calls_activations_and_queue_lengths_are_measured()
    {
        var siloName = fixture.Cluster.Primary.Silo.Name;
        var measurements = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == RuntimeTelemetry.Name && instrument.Meter.Tags?.Any(tag => tag.Key == RuntimeTelemetry.SiloTag && (string?)tag.Value == siloName) == true)
                    meterListener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, (long)value, ToDictionary(tags))));
        listener.Start();
        var key = Guid.NewGuid().ToString();

        await fixture.Grains.GetGrain<IStringKeyGrain>(key).GetKey();
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Grains.GetGrain<IFaultyGrain>(key).Throw("x"));
        listener.RecordObservableInstruments();

        Assert.Contains(measurements, m => m.Instrument == RuntimeTelemetry.CallsInstrument && (string?)m.Tags[RuntimeTelemetry.MethodTag] == "GetKey" && (string?)m.Tags[RuntimeTelemetry.OutcomeTag] == "ok");
        Assert.Contains(measurements, m => m.Instrument == RuntimeTelemetry.CallsInstrument && (string?)m.Tags[RuntimeTelemetry.MethodTag] == "Throw" && (string?)m.Tags[RuntimeTelemetry.OutcomeTag] == "error");
        Assert.Contains(measurements, m => m.Instrument == RuntimeTelemetry.CallDurationInstrument && (string?)m.Tags[RuntimeTelemetry.MethodTag] == "GetKey");
        Assert.Contains(measurements, m => m.Instrument == RuntimeTelemetry.ActivationsInstrument && (string?)m.Tags[RuntimeTelemetry.GrainTypeTag] == "stringkey" && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == RuntimeTelemetry.QueueLengthInstrument && (string?)m.Tags[RuntimeTelemetry.GrainIdTag] == $"stringkey/{key}" && m.Value == 0);
    }

    [Fact]
    public async Task Timeouts_and_rejected_calls_are_counted()
    {
        var siloName = fixture.Cluster.Primary.Silo.Name;
        var counted = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Name is RuntimeTelemetry.TimeoutsInstrument or RuntimeTelemetry.RejectedInstrument
                    && instrument.Meter.Tags?.Any(tag => tag.Key == RuntimeTelemetry.SiloTag && (string?)tag.Value == siloName) == true)
                    meterListener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            counted.Enqueue(instrument.Name == RuntimeTelemetry.RejectedInstrument ? $"rejected:{ToDictionary(tags)[RuntimeTelemetry.ReasonTag]}" : "timeout"));
        listener.Start();
        var key = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<TimeoutException>(() => fixture.Grains.GetGrain<ISlowGrain>(key).SleepWithShortTimeout(1_000));
        await Assert.ThrowsAsync<DeadlockException>(() => fixture.Grains.GetGrain<IChainGrain>(key).CallViaOther(key + "-other", allowReentrancy: false));

        Assert.Contains("timeout", counted);
        Assert.Contains("rejected:call-cycle", counted);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
            dictionary[tag.Key] = tag.Value;
        return dictionary;
    }
}
