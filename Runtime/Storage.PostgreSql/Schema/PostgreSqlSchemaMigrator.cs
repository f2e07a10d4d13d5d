using System.Globalization;
using Npgsql;
using QuantumScheduler.Runtime.Storage.Schema;

namespace QuantumScheduler.Runtime.Storage.PostgreSql.Schema;

/// <summary>
/// Brings a schema to the latest version: applies the pending migrations in one transaction that first takes a
/// transaction-scoped advisory lock on the schema's name. Silos starting at once against an empty database queue
/// on that lock: the first creates everything, the others find it done.
/// </summary>
public static class PostgreSqlSchemaMigrator
{
    /// <summary>Applies the pending <paramref name="migrations"/> to <paramref name="schema"/> and returns its schema version.</summary>
    /// <exception cref="InvalidOperationException">The schema is at a newer version than <paramref name="migrations"/> know.</exception>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        SchemaMigration.ThrowIfOutOfOrder(migrations);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@lock));", cancellationToken,
            ("lock", $"QuantumScheduler schema {schema}")).ConfigureAwait(false);
        // Checked before creating: CREATE SCHEMA needs the database's CREATE privilege even when the schema exists.
        if (!(bool)(await ScalarAsync(connection, transaction, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema);", cancellationToken,
                ("schema", schema)).ConfigureAwait(false))!)
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA {schema};", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            $"""
            SET LOCAL search_path TO {schema};
            CREATE TABLE IF NOT EXISTS schema_version (
                version     integer     PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);

        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException(
                $"The PostgreSQL schema \"{schema}\" of database \"{connection.Database}\" has schema version {current}, newer than the latest this build knows ({latest}). " +
                "Run a newer build, or configure another schema or database.");

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, description) VALUES (@version, @description);", cancellationToken,
                ("version", migration.Version), ("description", migration.Description)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(current, latest);
    }

    /// <summary>The schema version recorded in the connection's current schema; 0 for an empty one.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);


    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
