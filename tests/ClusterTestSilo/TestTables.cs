using Npgsql;

namespace QuantumScheduler.ClusterTestSilo;

/// <summary>
/// The tables the test grains record into, so a test can check from the grains' side what happened in the cluster
/// (which activations existed, which silo fired which reminder tick). The test process reads them with the same names.
/// </summary>
public static class TestTables
{
    /// <summary>One row per activation of an <c>IActivationRecorderGrain</c>; <c>deactivated_at</c> is set by a
    /// graceful deactivation and stays null for a live activation, or one whose silo was killed.</summary>
    public const string Activations = "cluster_test_activations";

    /// <summary>One row per reminder tick received by an <c>IReminderRecorderGrain</c>, with the silo that ran it.</summary>
    public const string ReminderTicks = "cluster_test_reminder_ticks";

    /// <summary>Creates the tables when missing. Silos starting at once against an empty database queue on an
    /// advisory lock, because concurrent <c>CREATE TABLE IF NOT EXISTS</c> can still collide in PostgreSQL's catalog.</summary>
    public static async Task CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(hashtext('ClusterTestSilo tables'));
            CREATE TABLE IF NOT EXISTS {Activations} (
                id             bigserial   PRIMARY KEY,
                grain_key      text        NOT NULL,
                silo           text        NOT NULL,
                pid            integer     NOT NULL,
                activated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
                deactivated_at timestamptz
            );
            CREATE TABLE IF NOT EXISTS {ReminderTicks} (
                id            bigserial   PRIMARY KEY,
                grain_key     text        NOT NULL,
                reminder_name text        NOT NULL,
                silo          text        NOT NULL,
                tick_time     timestamptz NOT NULL,
                recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp()
            );
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
