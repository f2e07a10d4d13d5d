namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Where new activations go. Bound from <c>QuantumScheduler:Placement</c>.</summary>
public sealed class PlacementOptions
{
    public const string SectionName = "QuantumScheduler:Placement";

    /// <summary>The strategy for grain classes without a placement attribute: <c>Random</c>, <c>PreferLocal</c>,
    /// <c>HashBased</c> or <c>ResourceOptimized</c>. Default: <c>Random</c>, as in Orleans.</summary>
    public string DefaultStrategy { get; set; } = PlacementStrategies.Random;
}

/// <summary>The names of the built-in placement strategies (the placement attribute's name without "PlacementAttribute").</summary>
public static class PlacementStrategies
{
    /// <summary>A compatible silo chosen at random (<c>[RandomPlacement]</c>).</summary>
    public const string Random = "Random";

    /// <summary>The calling silo (<c>[PreferLocalPlacement]</c>).</summary>
    public const string PreferLocal = "PreferLocal";

    /// <summary>A silo chosen by the grain id's stable hash (<c>[HashBasedPlacement]</c>).</summary>
    public const string HashBased = "HashBased";

    /// <summary>The silo with the fewest activations (<c>[ResourceOptimizedPlacement]</c>).</summary>
    public const string ResourceOptimized = "ResourceOptimized";

    /// <summary>Every built-in strategy.</summary>
    public static IReadOnlyList<string> All { get; } = [Random, PreferLocal, HashBased, ResourceOptimized];
}
