using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Gateways;

/// <summary>
/// The gateways the client may use: the provider's list, re-read every <see cref="ClientOptions.GatewayListRefreshPeriod"/>
/// and at once when a gateway fails, minus the ones that failed within <see cref="ClientOptions.FailedGatewayRetryPeriod"/>
/// (unless nothing else is left). Clients spread over the gateways: each starts at a random one.
/// </summary>
internal sealed partial class GatewayManager : IAsyncDisposable
{
    private readonly IGatewayListProvider _provider;
    private readonly ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayManager> _logger;
    private readonly Dictionary<SiloEndpoint, long> _failedAt = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private IReadOnlyList<SiloEndpoint> _gateways = [];
    private int _next = Random.Shared.Next(1024);
    private Task _refreshLoop = Task.CompletedTask;

    public GatewayManager(IGatewayListProvider provider, IOptions<ClientOptions> options, TimeProvider time, ILogger<GatewayManager> logger)
    {
        _provider = provider;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The gateways from the last successful read.</summary>
    public IReadOnlyList<SiloEndpoint> Gateways => Volatile.Read(ref _gateways);

    /// <summary>Reads the list once and keeps re-reading it in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        _refreshLoop = RefreshLoopAsync();
    }

    /// <summary>The next gateway to try, skipping <paramref name="exclude"/> and those that failed recently (unless every
    /// gateway did); null when the list is empty or everything is excluded.</summary>
    public SiloEndpoint? Pick(IReadOnlyCollection<SiloEndpoint> exclude)
    {
        var candidates = Gateways.Where(gateway => !exclude.Contains(gateway)).ToList();
        if (candidates.Count == 0)
            return null;
        var now = _time.GetTimestamp();
        lock (_failedAt)
        {
            var healthy = candidates.Where(gateway => !_failedAt.TryGetValue(gateway, out var at) || _time.GetElapsedTime(at, now) >= _options.FailedGatewayRetryPeriod).ToList();
            if (healthy.Count > 0)
                candidates = healthy;
        }
        return candidates[(int)((uint)Interlocked.Increment(ref _next) % (uint)candidates.Count)];
    }

    /// <summary>Records that <paramref name="gateway"/> failed or is leaving, and re-reads the list soon.</summary>
    public void MarkFailed(SiloEndpoint gateway, string reason)
    {
        lock (_failedAt)
            _failedAt[gateway] = _time.GetTimestamp();
        LogGatewayFailed(_logger, gateway.ToString(), reason);
        _ = RefreshQuietlyAsync();
    }

    /// <summary>Reads the list now. A failed read keeps the previous list.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var gateways = await _provider.GetGatewaysAsync(cancellationToken).ConfigureAwait(false);
            var previous = Interlocked.Exchange(ref _gateways, gateways);
            if (!previous.ToHashSet().SetEquals(gateways))
                LogGateways(_logger, gateways.Count, string.Join(", ", gateways), _provider.Description);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _refreshLoop.ConfigureAwait(false);
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.GatewayListRefreshPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
                await RefreshQuietlyAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogRefreshFailed(_logger, exception, _provider.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} gateways: {Gateways} (from {Source}).")]
    private static partial void LogGateways(ILogger logger, int count, string gateways, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {Gateway} failed: {Reason}. Calls go to another gateway.")]
    private static partial void LogGatewayFailed(ILogger logger, string gateway, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the gateway list from {Source} failed; keeping the previous list.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string source);
}
