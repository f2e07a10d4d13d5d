namespace QuantumScheduler.Grains.Backends;

/// <summary>The result of one health check.</summary>
public sealed record BackendHealth(bool Healthy, string Detail, DateTimeOffset CheckedAt);
