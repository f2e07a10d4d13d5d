using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>What a backend grain keeps across activations: its most recent outcomes, oldest first.</summary>
[GenerateSerializer]
public sealed class BackendGrainState
{
    [Id(0)] public List<BackendOutcome> Outcomes { get; set; } = [];
}
