using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>
/// Places new activations: picks the director named by the grain class's placement attribute (or the configured
/// default) and gives it the active silos of the membership view. Every silo is assumed to host every grain class
/// (a homogeneous cluster).
/// </summary>
internal sealed class PlacementService : IPlacementContext
{
    private readonly ConcurrentDictionary<string, IPlacementDirector> _directors = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly LocalSilo _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly SiloLoadTable _loads;
    private readonly DepartingSilos _departing;
    private readonly string _defaultStrategy;

    public PlacementService(IServiceProvider services, LocalSilo localSilo, IClusterMembershipView membership, SiloLoadTable loads, DepartingSilos departing, IOptions<PlacementOptions> options)
    {
        _services = services;
        _localSilo = localSilo;
        _membership = membership;
        _loads = loads;
        _departing = departing;
        _defaultStrategy = options.Value.DefaultStrategy;
    }

    public SiloAddress LocalSilo => _localSilo.Address;

    public SiloAddress Place(GrainId grainId, GrainClassDescriptor grainClass)
    {
        var strategy = grainClass.Placement ?? _defaultStrategy;
        var director = _directors.GetOrAdd(strategy, static (name, services) =>
            services.GetKeyedService<IPlacementDirector>(name) ?? throw new InvalidOperationException(
                $"No placement director is registered for strategy \"{name}\"; the built-in ones are {string.Join(", ", PlacementStrategies.All)}."), _services);
        var silo = director.Place(new PlacementTarget(grainId, grainClass), this);
        _loads.RecordPlacement(silo);
        return silo;
    }

    public IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target)
    {
        // The view may lag this silo's own status (a stopping silo takes no new activations, a starting one does) and
        // the departures other silos announced over the transport.
        var active = _membership.Current.ActiveSilos;
        if (active.Any(_departing.Contains))
            active = active.Where(silo => !_departing.Contains(silo)).ToList();
        var local = LocalSilo;
        var listed = active.Contains(local);
        if (_localSilo.IsAcceptingCalls == listed)
            return active;
        return listed ? active.Where(silo => silo != local).ToList() : [.. active, local];
    }

    public int? GetActivationCount(SiloAddress silo) => _loads.GetActivationCount(silo);
}
