namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>One source's opinion of the silo count: <c>reactive</c>, <c>predictive</c> or <c>rule:&lt;name&gt;</c>.</summary>
public sealed record ScalingProposal(string Source, int Silos, string Reason);
