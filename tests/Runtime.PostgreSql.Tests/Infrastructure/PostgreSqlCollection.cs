namespace QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

/// <summary>Every test class that needs PostgreSQL joins this collection, so one server serves the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
