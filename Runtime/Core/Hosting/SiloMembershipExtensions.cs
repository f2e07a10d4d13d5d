using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>Cluster membership in a silo: the membership oracle over a membership table, and the reminder ring it drives.</summary>
public static class SiloMembershipExtensions
{
    /// <summary>
    /// Adds the <see cref="MembershipOracle"/> (as <see cref="IClusterMembershipView"/> and as a lifecycle participant
    /// at <see cref="SiloLifecycleStage.Membership"/>) and makes reminders follow a <see cref="ConsistentRing"/> of the
    /// active silos. Needs an <see cref="IMembershipTable"/> (<see cref="UseInMemoryClustering"/>, or
    /// <c>UsePostgreSqlClustering</c>) and the cluster transport's <see cref="ISiloProber"/>. Options bind from
    /// <c>QuantumScheduler:Membership</c> and <c>QuantumScheduler:ConsistentRing</c> and are validated when the host starts.
    /// </summary>
    public static ISiloBuilder AddClusterMembership(this ISiloBuilder silo, Action<MembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        var options = services.AddOptions<MembershipOptions>().Bind(silo.Configuration.GetSection(MembershipOptions.SectionName));
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>());
        services.AddOptions<ConsistentRingOptions>().Bind(silo.Configuration.GetSection(ConsistentRingOptions.SectionName))
            .Validate(static ring => ring.NumVirtualBuckets >= 1, "ConsistentRingOptions.NumVirtualBuckets must be at least 1.").ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeclaredDeadHandler, TerminateProcessWhenDeclaredDead>();
        services.TryAddSingleton(static sp => new MembershipOracle(
            sp.GetService<IMembershipTable>() ?? throw new InvalidOperationException(
                "Cluster membership needs a membership table: call UseInMemoryClustering() or UsePostgreSqlClustering(...) on the silo builder."),
            sp.GetService<ISiloProber>() ?? throw new InvalidOperationException(
                "Cluster membership needs an ISiloProber to probe other silos; it is added by the cluster transport."),
            sp.GetRequiredService<ILocalSiloDetails>(),
            sp.GetRequiredService<IOptions<MembershipOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IDeclaredDeadHandler>(),
            sp.GetRequiredService<ILogger<MembershipOracle>>()));
        services.Replace(ServiceDescriptor.Singleton<IClusterMembershipView>(static sp => sp.GetRequiredService<MembershipOracle>()));
        services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<MembershipOracle>());
        services.Replace(ServiceDescriptor.Singleton<IReminderRangeProvider>(static sp => new ConsistentRingReminderRangeProvider(
            sp.GetRequiredService<IClusterMembershipView>(), sp.GetRequiredService<ILocalSiloDetails>(), sp.GetRequiredService<IOptions<ConsistentRingOptions>>())));
        return silo;
    }

    /// <summary>Adds cluster membership over an <see cref="InMemoryMembershipTable"/>: one silo per process (or silos
    /// sharing one process), nothing to install.</summary>
    public static ISiloBuilder UseInMemoryClustering(this ISiloBuilder silo, Action<MembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();
        return silo.AddClusterMembership(configure);
    }
}
