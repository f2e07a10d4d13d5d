using QuantumScheduler.Runtime;

namespace QuantumScheduler.Silo.Health;

/// <summary>Counts probes in memory and writes the count when it deactivates (idle or silo stop).</summary>
[GrainType("healthprobe")]
public sealed class HealthProbeGrain([PersistentState("probes")] IPersistentState<HealthProbeState> state) : Grain, IHealthProbeGrain
{
    public Task<long> Probe() => Task.FromResult(++state.State.Probes);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.WriteStateAsync(cancellationToken);
}

/// <summary>The persisted probe count.</summary>
[GenerateSerializer]
public sealed class HealthProbeState
{
    [Id(0)]
    public long Probes { get; set; }
}
