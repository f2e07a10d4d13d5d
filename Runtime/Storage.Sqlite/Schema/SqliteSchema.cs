using QuantumScheduler.Runtime.Storage.Schema;
namespace QuantumScheduler.Runtime.Storage.Sqlite.Schema;

/// <summary>
/// The database schema as an ordered list of migrations. A released migration never changes: a later schema
/// appends a migration with the next version, and every existing file is brought up to it on start.
/// </summary>
public static class SqliteSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "grain state and reminders",
            """
            -- One row per (provider, grain type, state, grain). A NULL payload is the tombstone a clear leaves, so
            -- the version keeps counting and an ETag from before the clear can never match again.
            CREATE TABLE grain_state (
                storage_name TEXT NOT NULL,
                grain_type   TEXT NOT NULL,
                state_name   TEXT NOT NULL,
                grain_id     TEXT NOT NULL,
                payload      BLOB NULL,
                version      INTEGER NOT NULL,
                modified_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                PRIMARY KEY (storage_name, grain_type, state_name, grain_id)
            ) WITHOUT ROWID;

            -- The ETag is an AUTOINCREMENT key: every upsert replaces the row with a new, never reused one.
            -- Times are UTC ticks and periods are ticks, so TimeSpan and DateTime round-trip exactly.
            CREATE TABLE reminders (
                etag          INTEGER PRIMARY KEY AUTOINCREMENT,
                grain_id      TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                grain_hash    INTEGER NOT NULL,
                start_at      INTEGER NOT NULL,
                period        INTEGER NOT NULL,
                UNIQUE (grain_id, reminder_name)
            );
            CREATE INDEX ix_reminders_grain_hash ON reminders (grain_hash);
            """),
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
