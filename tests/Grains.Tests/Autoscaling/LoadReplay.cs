using QuantumScheduler.Grains.Autoscaling;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

/// <summary>The load of one evaluation: CPU demand in silo-equivalents (1 = one silo fully busy) and queued solves.</summary>
public sealed record Demand(double Cpu, int Queue = 0);

/// <summary>
/// Replays a recorded load series through the <see cref="ScalingEngine"/> against a simulated cluster that follows the
/// decisions: each sample's silo count is the previous decision's target, and its CPU utilisation is the demand spread
/// over those silos (at most 100 %).
/// </summary>
public sealed class LoadReplay(AutoscalerOptions options, int silos)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public ScalingMemory Memory { get; } = new();

    public List<ScalingDecision> Decisions { get; } = [];

    public int Silos { get; private set; } = silos;

    public ScalingDecision Step(Demand demand, TimeSpan at)
    {
        var sample = new LoadSample
        {
            At = Start + at,
            Silos = Silos,
            CpuUtilization = Math.Min(1, demand.Cpu / Silos),
            QueueLength = demand.Queue,
        };
        var decision = new ScalingEngine(options).Evaluate(sample, Memory, "recommend-only");
        Memory.Record(decision);
        Decisions.Add(decision);
        Silos = decision.TargetSilos;
        return decision;
    }

    /// <summary>Replays the series, one sample per <paramref name="interval"/>.</summary>
    public LoadReplay Run(IEnumerable<Demand> series, TimeSpan interval)
    {
        var at = TimeSpan.FromTicks(Decisions.Count * interval.Ticks);
        foreach (var demand in series)
        {
            Step(demand, at);
            at += interval;
        }
        return this;
    }

    public IReadOnlyList<ScalingDecision> Changes => Decisions.Where(static d => d.TargetSilos != d.CurrentSilos).ToArray();

    /// <summary>How often the scaling direction reversed (up then down, or down then up): flapping.</summary>
    public int DirectionChanges
    {
        get
        {
            var directions = Changes.Select(static d => Math.Sign(d.TargetSilos - d.CurrentSilos)).ToArray();
            return directions.Zip(directions.Skip(1)).Count(static pair => pair.First != pair.Second);
        }
    }

    public static IEnumerable<Demand> Ramp(double from, double to, int steps) =>
        Enumerable.Range(0, steps).Select(i => new Demand(from + (to - from) * i / (steps - 1)));

    public static IEnumerable<Demand> Steady(double cpu, int steps) => Enumerable.Repeat(new Demand(cpu), steps);
}
