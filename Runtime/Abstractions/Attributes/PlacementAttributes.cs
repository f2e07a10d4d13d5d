namespace QuantumScheduler.Runtime;

// The code generator records a placement attribute by its name without "PlacementAttribute" (GrainClassDescriptor.Placement);
// the silo's placement service picks the director registered under that name. A class without one uses the silo's
// default strategy (QuantumScheduler:Placement:DefaultStrategy, Random unless configured). Stateless workers always
// run on the calling silo, whatever they carry.

/// <summary>New activations go to a compatible silo chosen at random (Orleans' default).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RandomPlacementAttribute : Attribute;

/// <summary>New activations go to the silo that made the first call, when it can host the grain.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PreferLocalPlacementAttribute : Attribute;

/// <summary>New activations go to the silo chosen by the grain id's stable hash over the active silos, so every silo
/// places a grain on the same silo while membership does not change.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HashBasedPlacementAttribute : Attribute;

/// <summary>New activations go to the silo with the fewest activations, as silos last reported them.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ResourceOptimizedPlacementAttribute : Attribute;
