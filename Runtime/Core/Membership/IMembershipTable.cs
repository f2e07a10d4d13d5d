using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// The cluster's membership table with a version row (Orleans' contract): every insert and every status or
/// suspicion update is conditional on the table version the writer read, and bumps it by exactly 1, so two writers
/// holding the same version cannot both succeed. IAmAlive heartbeats leave the version alone.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Every row and the table version, read consistently.</summary>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds a row for a new silo if <paramref name="tableVersion"/> is still current and the silo has no row;
    /// false (nothing written) otherwise.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, long tableVersion, CancellationToken cancellationToken);

    /// <summary>Replaces the silo's row if <paramref name="tableVersion"/> is still current and the row's ETag is still
    /// <paramref name="etag"/>; false (nothing written) otherwise. The stored IAmAlive time is kept.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long tableVersion, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat: changes neither the table version nor the row's ETag.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTime iAmAliveAt, CancellationToken cancellationToken);
}
