namespace QuantumScheduler.Grains.Balancing;

/// <summary>The load-balancing strategies (<c>load_balancing</c>).</summary>
public static class WorkerBalancerNames
{
    public const string RoundRobin = "round_robin";
    public const string LeastConnections = "least_connections";
    public const string WeightedRoundRobin = "weighted_round_robin";
    public const string Intelligent = "intelligent";

    public static IReadOnlyList<string> All { get; } = [RoundRobin, LeastConnections, WeightedRoundRobin, Intelligent];
}
