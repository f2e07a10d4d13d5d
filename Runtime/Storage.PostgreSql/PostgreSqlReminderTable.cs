using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantumScheduler.Runtime.Storage.Relational;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// Reminder rows in a PostgreSQL table shared by the silos of a cluster (the statements are
/// <see cref="RelationalReminderTable"/>'s). The ETag comes from a sequence: every upsert takes a new one.
/// </summary>
public sealed class PostgreSqlReminderTable : RelationalReminderTable, IAsyncDisposable, IDisposable
{
    // excluded.etag is the new row's sequence default, so a replaced row gets a fresh ETag too.
    private const string Upsert =
        "INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period) VALUES (@grain, @name, @hash, @start, @period) " +
        "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, " +
        "period = excluded.period, etag = excluded.etag RETURNING etag;";

    private readonly PostgreSqlDatabase _database;

    public PostgreSqlReminderTable(PostgreSqlReminderTableOptions options, ILogger<PostgreSqlReminderTable>? logger = null)
        : base(Upsert) =>
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlReminderTable>.Instance, "reminder table");

    /// <summary>Creates and migrates the schema if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
}
