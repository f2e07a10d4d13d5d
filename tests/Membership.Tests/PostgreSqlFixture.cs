using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>The test classes that need PostgreSQL share one throwaway server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlFixture : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "Membership on PostgreSQL";
}
