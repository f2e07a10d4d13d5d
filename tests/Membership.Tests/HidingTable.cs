using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>A table whose reads leave out chosen rows, as if someone had deleted them.</summary>
public sealed class HidingTable(IMembershipTable inner) : IMembershipTable
{
    private readonly HashSet<SiloAddress> _hidden = [];

    public void Hide(SiloAddress silo)
    {
        lock (_hidden)
            _hidden.Add(silo);
    }

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = await inner.ReadAllAsync(cancellationToken);
        lock (_hidden)
            return snapshot with { Rows = snapshot.Rows.Where(row => !_hidden.Contains(row.Entry.Silo)).ToArray() };
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, long tableVersion, CancellationToken cancellationToken) =>
        inner.InsertRowAsync(entry, tableVersion, cancellationToken);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long tableVersion, CancellationToken cancellationToken) =>
        inner.UpdateRowAsync(entry, etag, tableVersion, cancellationToken);

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTime iAmAliveAt, CancellationToken cancellationToken) =>
        inner.UpdateIAmAliveAsync(silo, iAmAliveAt, cancellationToken);
}
