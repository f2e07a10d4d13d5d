using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>A table that can hold the next reads back until several callers have read, so they all hold the same
/// version when they write; it records every conditional write's outcome.</summary>
public sealed class RacingTable(IMembershipTable inner) : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly List<(long Version, bool Won)> _writes = [];
    private int _waiting;
    private TaskCompletionSource? _released;

    public IReadOnlyList<(long Version, bool Won)> Writes
    {
        get
        {
            lock (_lock)
                return _writes.ToArray();
        }
    }

    /// <summary>The next <paramref name="readers"/> reads all return the same snapshot, after the last of them arrived.</summary>
    public void HoldNextReads(int readers)
    {
        lock (_lock)
        {
            _waiting = readers;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        var snapshot = await inner.ReadAllAsync(cancellationToken);
        Task? wait = null;
        lock (_lock)
        {
            if (_released is { } released && _waiting > 0)
            {
                if (--_waiting == 0)
                    released.SetResult();
                wait = released.Task;
            }
        }
        if (wait is not null)
            await wait.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return snapshot;
    }

    public async Task<bool> InsertRowAsync(MembershipEntry entry, long tableVersion, CancellationToken cancellationToken) =>
        Record(tableVersion, await inner.InsertRowAsync(entry, tableVersion, cancellationToken));

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long tableVersion, CancellationToken cancellationToken) =>
        Record(tableVersion, await inner.UpdateRowAsync(entry, etag, tableVersion, cancellationToken));

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTime iAmAliveAt, CancellationToken cancellationToken) =>
        inner.UpdateIAmAliveAsync(silo, iAmAliveAt, cancellationToken);

    private bool Record(long version, bool won)
    {
        lock (_lock)
            _writes.Add((version, won));
        return won;
    }
}
