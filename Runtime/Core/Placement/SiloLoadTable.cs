using System.Collections.Concurrent;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>
/// The activation count each silo last published (every <c>QuantumScheduler:Transport:StatisticsPeriod</c>, in a
/// statistics frame), plus the activations this silo has placed there since, so a burst of placements does not all
/// land on the silo that looked emptiest a second ago.
/// </summary>
internal sealed class SiloLoadTable
{
    private readonly ConcurrentDictionary<SiloAddress, StrongBox> _loads = new();

    /// <summary>A silo's published count replaces what was known (including local placement guesses).</summary>
    public void Report(SiloAddress silo, int activationCount) => _loads.GetOrAdd(silo, static _ => new StrongBox()).Value = activationCount;

    /// <summary>Counts one activation placed on <paramref name="silo"/> until its next report.</summary>
    public void RecordPlacement(SiloAddress silo) => Interlocked.Increment(ref _loads.GetOrAdd(silo, static _ => new StrongBox()).Value);

    /// <summary>The estimated activation count, or null when the silo has never reported.</summary>
    public int? GetActivationCount(SiloAddress silo) => _loads.TryGetValue(silo, out var load) ? Volatile.Read(ref load.Value) : null;

    private sealed class StrongBox
    {
        public int Value;
    }
}
