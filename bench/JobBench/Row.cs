namespace QuantumScheduler.Bench.Jobs;

/// <summary>One scenario's figures: latency of one job at a time (milliseconds) and throughput with many at once.</summary>
public sealed record Row(string Name, double MeanMs, double P50Ms, double P99Ms, double JobsPerSecond);
