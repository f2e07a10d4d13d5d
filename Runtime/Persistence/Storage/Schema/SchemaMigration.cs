namespace QuantumScheduler.Runtime.Storage.Schema;

/// <summary>One step of a provider's schema: applied once, in <see cref="Version"/> order, and recorded in
/// the provider's <c>schema_version</c> table.</summary>
/// <param name="Version">The schema version this step produces (1, 2, 3, … without gaps).</param>
/// <param name="Description">What the step changes, kept in <c>schema_version</c> for operators.</param>
/// <param name="Sql">The statements; they run inside the migration's transaction (for PostgreSQL unqualified,
/// with the provider's schema as the search path).</param>
public sealed record SchemaMigration(int Version, string Description, string Sql)
{
    /// <summary>Refuses a migration list whose versions do not run 1, 2, 3, … without gaps.</summary>
    public static void ThrowIfOutOfOrder(IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"Schema migration \"{migrations[i].Description}\" has version {migrations[i].Version} at position {i + 1}; versions must run 1, 2, 3, … without gaps.");
        }
    }
}
