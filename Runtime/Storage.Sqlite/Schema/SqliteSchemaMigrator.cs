using Microsoft.Data.Sqlite;
using QuantumScheduler.Runtime.Storage.Schema;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Schema;

/// <summary>
/// Brings a database file to the latest schema: switches it to WAL, then applies the pending migrations in one
/// IMMEDIATE transaction, so two providers opening the same file at once migrate it exactly once.
/// </summary>
public static class SqliteSchemaMigrator
{
    /// <summary>Applies the pending <paramref name="migrations"/> and returns the database's schema version.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        SchemaMigration.ThrowIfOutOfOrder(migrations);

        // journal_mode is a property of the file, and cannot change inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            """, cancellationToken).ConfigureAwait(false);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException(
                $"The database \"{connection.DataSource}\" has schema version {current}, newer than the latest this build knows ({latest}). " +
                "Run a newer build, or point the data directory at another database.");

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description) VALUES ($version, $description);";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(current, latest);
    }

    /// <summary>The schema version recorded in the database; 0 for a new file.</summary>
    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }


    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
