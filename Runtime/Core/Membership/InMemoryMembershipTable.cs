using System.Globalization;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// A membership table in this process's memory, with the same version and ETag rules as the durable tables: the
/// single-silo default (the silo still has a membership view, with itself in it) and silos hosted in one process.
/// Its rows are lost with the process.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, (MembershipEntry Entry, long ETag)> _rows = [];
    private long _version;

    public Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var rows = _rows.Values.Select(static row => new MembershipRow(row.Entry, FormatETag(row.ETag))).ToArray();
            return Task.FromResult(new MembershipSnapshot(rows, _version));
        }
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, long tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (tableVersion != _version || _rows.ContainsKey(entry.Silo))
                return Task.FromResult(false);
            _rows.Add(entry.Silo, (entry, 1));
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        lock (_lock)
        {
            if (tableVersion != _version || !_rows.TryGetValue(entry.Silo, out var stored) || FormatETag(stored.ETag) != etag)
                return Task.FromResult(false);
            _rows[entry.Silo] = (entry with { IAmAliveAt = stored.Entry.IAmAliveAt }, stored.ETag + 1);
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTime iAmAliveAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_lock)
        {
            if (!_rows.TryGetValue(silo, out var stored))
                throw new InvalidOperationException($"Silo {silo} has no row in the in-memory membership table; insert it before sending IAmAlive.");
            _rows[silo] = (stored.Entry with { IAmAliveAt = iAmAliveAt }, stored.ETag);
            return Task.CompletedTask;
        }
    }

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
