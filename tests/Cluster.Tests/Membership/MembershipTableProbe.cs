using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>The test's own reader of the cluster's membership table (the silos' PostgreSQL table).</summary>
internal sealed class MembershipTableProbe(string connectionString, string clusterId) : IAsyncDisposable
{
    private readonly PostgreSqlMembershipTable _table = new(new PostgreSqlMembershipTableOptions { ConnectionString = connectionString, ClusterId = clusterId });

    public async Task<IReadOnlyList<MembershipEntry>> RowsAsync() =>
        (await _table.ReadAllAsync(CancellationToken.None)).Rows.Select(static row => row.Entry).ToArray();

    public async Task<MembershipEntry> RowAsync(string siloAddress) =>
        (await RowsAsync()).SingleOrDefault(row => row.Silo.ToString() == siloAddress)
        ?? throw new InvalidOperationException($"Silo {siloAddress} has no row in the membership table.");

    /// <summary>Polls every 100 ms until the silo's row has <paramref name="status"/>; returns when that was first seen.</summary>
    public async Task<DateTime> WaitForStatusAsync(string siloAddress, SiloStatus status, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var row = await RowAsync(siloAddress);
            if (row.Status == status)
                return DateTime.UtcNow;
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"Silo {siloAddress} was not {status} within {timeout}; its row: {Describe(row)}.\nAll rows:\n{string.Join('\n', (await RowsAsync()).Select(Describe))}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>The addresses of the active silos, as the silos' ring sees them.</summary>
    public async Task<IReadOnlyList<SiloAddress>> ActiveSilosAsync() =>
        (await RowsAsync()).Where(static row => row.Status == SiloStatus.Active).Select(static row => row.Silo).ToArray();

    public static string Describe(MembershipEntry row) =>
        $"{row.Silo} {row.Status}, votes [{string.Join(", ", row.Suspicions.Select(static vote => $"{vote.Suspecter} at {vote.At:HH:mm:ss.fff}"))}]";

    public ValueTask DisposeAsync() => _table.DisposeAsync();
}
