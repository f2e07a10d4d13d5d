using QuantumScheduler.Runtime.Manifest;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>The grain that needs a new activation, as a placement director sees it.</summary>
public readonly record struct PlacementTarget(GrainId GrainId, GrainClassDescriptor GrainClass);
