using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// One backend of the catalog (key: its name): settings, availability, health and rolling statistics. Health is
/// checked when the grain activates and then every <see cref="BackendsOptions.HealthCheckInterval"/> while it is
/// active; the result lives in memory (it is re-checked after a restart anyway). The last
/// <see cref="BackendsOptions.StatsWindow"/> outcomes are persisted, at most once per <see cref="StatsWriteInterval"/>
/// and when the grain deactivates.
/// </summary>
[GrainType("backend")]
public sealed class BackendGrain(
    [PersistentState("backend")] IPersistentState<BackendGrainState> state,
    BackendCatalog catalog,
    IOptions<BackendsOptions> options,
    TimeProvider time,
    ILogger<BackendGrain> logger) : Grain, IBackendGrain
{
    private readonly BackendHealthProbe _probe = new(time);
    private CatalogBackend? _backend;
    private BackendHealth? _health;

    // Every submit and dispatch reads the backend's info; the statistics change only with a new outcome.
    private BackendStats? _stats;
    private Task<BackendHealth>? _runningCheck;
    private IGrainTimer? _statsWrite;

    /// <summary>Every job reports its attempts here, so writing the window on each report would bound the rate of jobs on
    /// one backend by the rate of durable writes (one fsync each with SQLite). The statistics are advisory: a crash loses
    /// at most this long of outcomes.</summary>
    private static readonly TimeSpan StatsWriteInterval = TimeSpan.FromSeconds(1);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(this.GetPrimaryKeyString(), out var backend))
            return Task.CompletedTask; // every call reports the unknown name; nothing to check
        _backend = backend;
        var interval = options.Value.HealthCheckInterval;
        if (interval > TimeSpan.Zero)
        {
            // Interleaved, so callers are not held behind a check; the check only touches in-memory health.
            RegisterGrainTimer(static (grain, token) => grain.CheckAndRecordAsync(token), this,
                new GrainTimerCreationOptions(TimeSpan.Zero, interval) { Interleave = true });
        }
        return Task.CompletedTask;
    }

    public Task<BackendInfo> GetInfoAsync() => Task.FromResult(Info(Backend));

    public Task RecordOutcomeAsync(BackendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        EnsureKnown();
        var outcomes = state.State.Outcomes;
        outcomes.Add(outcome.At == default ? outcome with { At = time.GetUtcNow() } : outcome);
        var window = Math.Max(1, options.Value.StatsWindow);
        if (outcomes.Count > window)
            outcomes.RemoveRange(0, outcomes.Count - window);
        _stats = null;
        _statsWrite ??= RegisterGrainTimer(static (grain, _) => grain.WriteStatsAsync(), this,
            new GrainTimerCreationOptions(StatsWriteInterval, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_statsWrite is not null)
            await WriteStatsAsync();
    }

    private async Task WriteStatsAsync()
    {
        _statsWrite?.Dispose();
        _statsWrite = null;
        await state.WriteStateAsync();
    }

    public async Task<BackendInfo> CheckHealthAsync()
    {
        var backend = Backend;
        await CheckAndRecordAsync(CancellationToken.None);
        return Info(backend);
    }

    private CatalogBackend Backend => _backend ?? catalog.Get(this.GetPrimaryKeyString());

    /// <exception cref="Errors.UnknownBackendException">The grain's key names no backend of the catalog.</exception>
    private void EnsureKnown() => _ = Backend;

    // The timer and an operator's CheckHealthAsync may overlap; they share one probe solve.
    private async Task CheckAndRecordAsync(CancellationToken cancellationToken)
    {
        var backend = Backend;
        _runningCheck ??= _probe.CheckAsync(backend.Solver, options.Value.HealthCheckTimeout, cancellationToken);
        var check = _runningCheck;
        try
        {
            var health = await check;
            if (_health is { Healthy: true } && !health.Healthy)
                logger.LogWarning("Backend {Backend} became unhealthy: {Detail}", backend.Name, health.Detail);
            _health = health;
        }
        finally
        {
            if (ReferenceEquals(_runningCheck, check))
                _runningCheck = null;
        }
    }

    private BackendInfo Info(CatalogBackend backend)
    {
        var settings = backend.Settings;
        var availability = backend.Solver.Availability;
        return new BackendInfo
        {
            Name = settings.Name,
            Family = settings.Family,
            Enabled = settings.Enabled,
            Weight = settings.Weight,
            MaxProblemSize = settings.MaxProblemSize,
            MaxQubits = settings.MaxQubits,
            Available = availability.IsAvailable,
            AvailabilityReason = availability.Reason,
            // Until the first check ends, a backend that can run here is presumed healthy.
            Healthy = _health?.Healthy ?? availability.IsAvailable,
            LastHealthCheck = _health?.CheckedAt,
            HealthDetail = _health?.Detail,
            Stats = _stats ??= BackendStatistics.Compute(state.State.Outcomes),
        };
    }
}
