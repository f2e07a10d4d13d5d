namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Activation lifetime. Bound from <c>QuantumScheduler:GrainCollection</c>.</summary>
public sealed class GrainCollectionOptions
{
    public const string SectionName = "QuantumScheduler:GrainCollection";

    /// <summary>An activation idle this long is deactivated (reason ActivationIdle); <c>[CollectionAgeLimit]</c>
    /// overrides it per class and <c>[KeepAlive]</c> exempts a class. Default: 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for: one is collected between its age and its age plus
    /// one quantum. Default: 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait for state load plus <c>OnActivateAsync</c>; the activation fails after it. Default: 30 seconds.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for <c>OnDeactivateAsync</c>; the activation is dropped after it. Default: 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often surplus idle stateless-worker activations are removed. Default: 500 milliseconds.</summary>
    public TimeSpan StatelessWorkerInspectionPeriod { get; set; } = TimeSpan.FromMilliseconds(500);
}
