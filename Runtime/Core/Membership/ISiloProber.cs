using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// Sends one liveness probe to another silo over the silo-to-silo transport and waits for its answer. The
/// membership oracle decides what a missed probe means; the transport only reports whether the answer came in time.
/// </summary>
public interface ISiloProber
{
    /// <summary>True when <paramref name="target"/> answered probe <paramref name="probeNumber"/> within
    /// <paramref name="timeout"/>; false on timeout, refused connection or an answer from another generation.</summary>
    Task<bool> ProbeAsync(SiloAddress target, int probeNumber, TimeSpan timeout, CancellationToken cancellationToken);
}
