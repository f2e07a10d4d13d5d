using System.Data.Common;

namespace QuantumScheduler.Runtime.Storage.Relational;

/// <summary>The plain way a relational provider writes: one write, on a connection opened for it.</summary>
internal static class OwnConnectionWrite
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<DbConnection>> open, Func<DbConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken).ConfigureAwait(false);
        return await write(connection, cancellationToken).ConfigureAwait(false);
    }
}
