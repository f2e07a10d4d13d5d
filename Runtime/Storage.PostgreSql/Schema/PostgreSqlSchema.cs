using QuantumScheduler.Runtime.Storage.Schema;
namespace QuantumScheduler.Runtime.Storage.PostgreSql.Schema;

/// <summary>
/// The database schema as an ordered list of migrations. A released migration never changes: a later schema
/// appends a migration with the next version, and every existing database is brought up to it on start.
/// </summary>
public static class PostgreSqlSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "grain state and reminders",
            """
            -- One row per (provider, grain type, state, grain). A NULL payload is the tombstone a clear leaves, so
            -- the version keeps counting and an ETag from before the clear can never match again.
            CREATE TABLE grain_state (
                storage_name text        NOT NULL,
                grain_type   text        NOT NULL,
                state_name   text        NOT NULL,
                grain_id     text        NOT NULL,
                payload      bytea       NULL,
                version      bigint      NOT NULL,
                modified_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (storage_name, grain_type, state_name, grain_id)
            );

            -- Every upsert takes a new ETag from the sequence, so ETags are never reused, even after a remove and
            -- a re-registration. grain_hash is the uint uniform hash widened to bigint (0 … 4294967295), so ring
            -- ranges compare as unsigned numbers. Times and periods are .NET ticks: they round-trip exactly
            -- (timestamptz keeps only microseconds).
            CREATE SEQUENCE reminder_etag;
            CREATE TABLE reminders (
                grain_id      text   NOT NULL,
                reminder_name text   NOT NULL,
                grain_hash    bigint NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
                start_at      bigint NOT NULL,
                period        bigint NOT NULL,
                etag          bigint NOT NULL DEFAULT nextval('reminder_etag'),
                PRIMARY KEY (grain_id, reminder_name)
            );
            CREATE INDEX ix_reminders_grain_hash ON reminders (grain_hash);
            """),
        new(2, "cluster membership",
            """
            -- One version row per cluster: the compare-and-swap token of every membership change. Each insert or
            -- status/suspicion update bumps it by exactly 1, only if the writer's read version is still current.
            CREATE TABLE membership_version (
                cluster_id text        PRIMARY KEY,
                version    bigint      NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now()
            );

            -- One row per silo process (address + generation). etag moves with every status/suspicion update, not
            -- with IAmAlive heartbeats, which change neither it nor the table version.
            CREATE TABLE membership (
                cluster_id    text        NOT NULL REFERENCES membership_version (cluster_id),
                host          text        NOT NULL,
                port          integer     NOT NULL,
                generation    bigint      NOT NULL,
                status        smallint    NOT NULL,
                proxy_port    integer     NULL,
                suspicions    jsonb       NOT NULL DEFAULT '[]',
                started_at    timestamptz NOT NULL,
                i_am_alive_at timestamptz NOT NULL,
                etag          bigint      NOT NULL DEFAULT 1,
                PRIMARY KEY (cluster_id, host, port, generation)
            );
            """),
        new(3, "grain directory",
            """
            -- One row per grain: the single activation the cluster routes its calls to. Registration inserts or
            -- returns the existing row in one statement, so the first writer wins.
            CREATE TABLE grain_directory (
                cluster_id      text        NOT NULL,
                grain_id        text        NOT NULL,
                activation_id   uuid        NOT NULL,
                silo_host       text        NOT NULL,
                silo_port       integer     NOT NULL,
                silo_generation bigint      NOT NULL,
                registered_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (cluster_id, grain_id)
            );
            CREATE INDEX ix_grain_directory_silo ON grain_directory (cluster_id, silo_host, silo_port, silo_generation);
            """),
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
