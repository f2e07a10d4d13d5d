using QuantumScheduler.Grains.Configuration;
using static QuantumScheduler.Grains.Tests.Autoscaling.LoadReplay;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

/// <summary>
/// The autoscaler on recorded load series, with the default options (HPA defaults: CPU target 70 %, tolerance 10 %,
/// scale-up window 0 s, scale-down window 300 s; cooldowns 60 s after a scale-up, 300 s before a scale-down; 1..10
/// silos), one sample every 15 s (the default evaluation interval).
/// </summary>
public sealed class RecordedSeriesTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private static string Trace(LoadReplay replay) =>
        string.Join(Environment.NewLine, replay.Changes.Select(static d => $"{d.At:HH:mm:ss} {d.CurrentSilos}→{d.TargetSilos} [{d.Source}] {d.Reason}"));

    [Fact]
    public void Ramp_up_scales_up_step_by_step_never_down_and_ends_near_the_target()
    {
        var replay = new LoadReplay(new AutoscalerOptions(), silos: 1).Run([.. Ramp(0.5, 6.5, 40), .. Steady(6.5, 40)], Interval);

        var changes = replay.Changes;
        Assert.True(changes.Count >= 3, Trace(replay));
        Assert.All(changes, static d => Assert.True(d.TargetSilos > d.CurrentSilos));
        Assert.All(changes, static d => Assert.Equal("reactive", d.Source));
        Assert.All(changes.Zip(changes.Skip(1)), static pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(60)));
        var finalUtilization = 6.5 / replay.Silos / 0.7;
        Assert.InRange(finalUtilization, 0.9, 1.1);
        Assert.Equal(0, replay.DirectionChanges);
    }

    [Fact]
    public void A_spike_scales_up_at_once_and_down_only_after_the_scale_down_window_without_flapping()
    {
        var replay = new LoadReplay(new AutoscalerOptions(), silos: 2).Run([.. Steady(1.4, 20), .. Steady(6, 4), .. Steady(1.4, 60)], Interval);
        var spikeStart = Start + 20 * Interval;
        var lastSpikeSample = Start + 23 * Interval;

        var changes = replay.Changes;
        Assert.Equal(2, changes.Count);
        var up = changes[0];
        Assert.Equal((spikeStart, 2, 3), (up.At, up.CurrentSilos, up.TargetSilos)); // CPU pinned at 100 %: ceil(2 × 1/0.7) = 3
        var down = changes[1];
        Assert.Equal(2, down.TargetSilos);
        Assert.True(down.At - lastSpikeSample > TimeSpan.FromSeconds(300), Trace(replay));
        Assert.True(down.At - up.At >= TimeSpan.FromSeconds(300), Trace(replay));
        Assert.Contains(replay.Decisions, static d => d.Reason.Contains("held: scale-up cooldown"));
        Assert.Contains(replay.Decisions, static d => d.Reason.Contains("scale-down stabilized"));
        Assert.Equal(1, replay.DirectionChanges);
    }

    [Fact]
    public void Ramp_down_scales_down_at_most_once_per_cooldown_and_never_up()
    {
        var replay = new LoadReplay(new AutoscalerOptions(), silos: 8).Run([.. Ramp(5.6, 0.7, 60), .. Steady(0.7, 80)], Interval);

        var changes = replay.Changes;
        Assert.True(changes.Count >= 2, Trace(replay));
        Assert.All(changes, static d => Assert.True(d.TargetSilos < d.CurrentSilos));
        Assert.All(changes.Zip(changes.Skip(1)), static pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(300)));
        Assert.Equal(1, replay.Silos); // 0.7 silo-equivalents at 70 % is one silo
        Assert.Equal(0, replay.DirectionChanges);
    }

    [Fact]
    public void Oscillating_load_scales_up_for_the_peaks_and_does_not_flap()
    {
        var oscillating = Enumerable.Range(0, 120).Select(static i => new Demand(i / 2 % 2 == 0 ? 2.8 : 1.0)).ToArray();

        var replay = new LoadReplay(new AutoscalerOptions(), silos: 2).Run(oscillating, Interval);

        Assert.Equal(0, replay.DirectionChanges);
        Assert.All(replay.Changes, static d => Assert.True(d.TargetSilos > d.CurrentSilos));
        Assert.Equal(4, replay.Silos); // 2.8 ÷ 0.7: enough for the peaks
    }

    [Fact]
    public void Without_windows_and_cooldowns_the_same_oscillating_load_flaps()
    {
        var eager = new AutoscalerOptions
        {
            ScaleDownStabilizationWindow = TimeSpan.Zero,
            ScaleUpCooldown = TimeSpan.Zero,
            ScaleDownCooldown = TimeSpan.Zero,
        };
        var oscillating = Enumerable.Range(0, 120).Select(static i => new Demand(i / 2 % 2 == 0 ? 2.8 : 1.0)).ToArray();

        var replay = new LoadReplay(eager, silos: 2).Run(oscillating, Interval);

        Assert.True(replay.DirectionChanges > 20, $"{replay.DirectionChanges} direction changes");
    }
}
