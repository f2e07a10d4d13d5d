using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// Every cluster test class joins this collection: one PostgreSQL server serves the whole run, and the classes run
/// one after another, because each starts several silo processes and the machine has few cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "Cluster";
}
