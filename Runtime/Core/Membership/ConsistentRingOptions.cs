namespace QuantumScheduler.Runtime.Membership;

/// <summary>Settings of the reminder ring, bound from <c>QuantumScheduler:ConsistentRing</c>.</summary>
public sealed class ConsistentRingOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "QuantumScheduler:ConsistentRing";

    /// <summary>Virtual points per silo: more points spread the reminders more evenly over the silos. Default: 30
    /// (Orleans' <c>NumVirtualBucketsConsistentRing</c>).</summary>
    public int NumVirtualBuckets { get; set; } = 30;
}
