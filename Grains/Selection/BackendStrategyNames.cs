namespace QuantumScheduler.Grains.Selection;

/// <summary>The names of the selection strategies, as configured (<c>backend_strategy</c>) and submitted.</summary>
public static class BackendStrategyNames
{
    public const string Hybrid = "hybrid";
    public const string AdaptivePerformance = "adaptive_performance";
    public const string CostOptimized = "cost_optimized";

    public static IReadOnlyList<string> All { get; } = [Hybrid, AdaptivePerformance, CostOptimized];
}
