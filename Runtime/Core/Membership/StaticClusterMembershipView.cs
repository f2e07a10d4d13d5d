using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// The membership view of a static cluster (Orleans' development clustering): this silo plus every silo it has
/// completed a handshake with, dialled from <c>QuantumScheduler:Cluster:Silos</c> or connecting on its own. A silo
/// joins as Active when the handshake tells its generation; a newer generation on the same endpoint makes the older one
/// dead (<see cref="ClusterMembershipSnapshot.IsDead"/>). There is no failure detection: a silo that vanishes stays in
/// the view until it comes back as a new generation. An embedded silo's view holds only itself.
/// </summary>
internal sealed partial class StaticClusterMembershipView : IClusterMembershipView, ISiloLifecycleParticipant, IAsyncDisposable
{
    private static readonly TimeSpan DiscoveryPeriod = TimeSpan.FromSeconds(1);

    private readonly object _lock = new();
    private readonly Dictionary<SiloAddress, ClusterMember> _members = [];
    private readonly IServiceProvider _services;
    private readonly LocalSilo _localSilo;
    private readonly SiloConnectionManager? _transport;
    private readonly IReadOnlyList<SiloEndpoint> _seeds;
    private readonly int? _gatewayPort;
    private readonly ILogger<StaticClusterMembershipView> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private ClusterMembershipSnapshot? _snapshot;

    public StaticClusterMembershipView(
        IServiceProvider services,
        LocalSilo localSilo,
        IOptions<ClusterOptions> cluster,
        IOptions<EndpointOptions> endpoint,
        ILogger<StaticClusterMembershipView> logger,
        SiloConnectionManager transport)
    {
        _services = services;
        _localSilo = localSilo;
        _transport = endpoint.Value.IsClustered ? transport : null;
        _gatewayPort = endpoint.Value.GatewayPort;
        _logger = logger;
        _seeds = cluster.Value.Silos.Select(static text => SiloEndpoint.TryParse(text, out var parsed) ? parsed
            : throw new ArgumentException($"{ClusterOptions.SectionName}:Silos has \"{text}\", which is not host:port.")).ToArray();
    }

    public int Stage => SiloLifecycleStage.Membership;

    /// <summary>Before the silo starts: only this silo, at whatever address it has so far.</summary>
    public ClusterMembershipSnapshot Current => Volatile.Read(ref _snapshot) ?? new ClusterMembershipSnapshot([LocalMember()], 1);

    public event Action<ClusterMembershipSnapshot>? Changed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A membership oracle registered as the view replaces this one; then it stays idle.
        if (!ReferenceEquals(_services.GetRequiredService<IClusterMembershipView>(), this))
            return Task.CompletedTask;
        lock (_lock)
        {
            var local = LocalMember();
            _members[local.Silo] = local;
            Publish();
        }
        if (_transport is not null)
        {
            _transport.SiloConnected += OnSiloConnected;
            _ = DiscoverAsync(_transport);
        }
        return Task.CompletedTask;
    }

    public Task OnShuttingDownAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_transport is not null)
            _transport.SiloConnected -= OnSiloConnected;
        return ValueTask.CompletedTask;
    }

    private ClusterMember LocalMember() => new(_localSilo.Address, SiloStatus.Active, _gatewayPort, _localSilo.Name);

    private void OnSiloConnected(SiloAddress silo)
    {
        ClusterMembershipSnapshot snapshot;
        lock (_lock)
        {
            if (_members.ContainsKey(silo))
                return;
            _members[silo] = new ClusterMember(silo, SiloStatus.Active, null, silo.ToString());
            snapshot = Publish();
        }
        LogJoined(_logger, silo.ToString(), snapshot.Version);
        Changed?.Invoke(snapshot);
    }

    private ClusterMembershipSnapshot Publish()
    {
        var snapshot = new ClusterMembershipSnapshot(_members.Values.ToArray(), (_snapshot?.Version ?? 0) + 1);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    /// <summary>Pings every configured silo not yet in the view until each has answered once; the transport's handshake
    /// adds it. Later restarts are seen when the restarted silo dials in.</summary>
    private async Task DiscoverAsync(SiloConnectionManager transport)
    {
        var local = SiloEndpoint.Of(_localSilo.Address);
        var pending = _seeds.Where(seed => seed != local).ToList();
        while (pending.Count != 0 && !_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(pending.Select(seed => transport.PingAsync(new SiloAddress(seed.Host, seed.Port, 0), DiscoveryPeriod, _stopping.Token)));
                lock (_lock)
                    pending.RemoveAll(seed => _members.Keys.Any(member => SiloEndpoint.Of(member) == seed));
                if (pending.Count != 0)
                    await Task.Delay(DiscoveryPeriod, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} joined the static cluster view (version {Version}).")]
    private static partial void LogJoined(ILogger logger, string silo, long version);
}
