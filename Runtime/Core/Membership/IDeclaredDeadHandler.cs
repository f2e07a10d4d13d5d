using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// What a silo does once it reads that the cluster declared it dead. The membership oracle has already stopped
/// writing by then; the handler must make sure the silo serves nothing more, because the cluster re-activates its
/// grains elsewhere. The default (<see cref="TerminateProcessWhenDeclaredDead"/>) kills the silo and ends the process.
/// </summary>
public interface IDeclaredDeadHandler
{
    /// <summary>Called once, on a thread-pool thread, when <paramref name="silo"/> finds itself dead; <paramref name="reason"/> says how it found out.</summary>
    void OnDeclaredDead(SiloAddress silo, string reason);
}
