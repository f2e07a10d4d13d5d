using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>Cluster membership kept in PostgreSQL.</summary>
public static class PostgreSqlClusteringExtensions
{
    /// <summary>Adds cluster membership (<see cref="SiloMembershipExtensions.AddClusterMembership"/>) over the
    /// <see cref="PostgreSqlMembershipTable"/> of the cluster <see cref="PostgreSqlClusterOptions.ClusterId"/>; every silo
    /// and client of the cluster points at the same database and cluster id.</summary>
    public static ISiloBuilder UsePostgreSqlClustering(this ISiloBuilder silo, Action<PostgreSqlMembershipTableOptions> configureTable,
        Action<MembershipOptions>? configureMembership = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configureTable);
        silo.Services.AddPostgreSqlMembershipTable(configureTable);
        return silo.AddClusterMembership(configureMembership);
    }
}
