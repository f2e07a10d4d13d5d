namespace QuantumScheduler.Runtime.Storage.PostgreSql.Schema;

/// <summary>One step of the schema: applied once, in <see cref="Version"/> order, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">The schema version this step produces (1, 2, 3, … without gaps).</param>
/// <param name="Description">What the step changes, kept in <c>schema_version</c> for operators.</param>
/// <param name="Sql">The statements, unqualified (they run with the provider's schema as the search path) inside the
/// migration's transaction.</param>
public sealed record PostgreSqlMigration(int Version, string Description, string Sql);
