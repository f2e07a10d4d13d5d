using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// One backend of the catalog (key: its name): settings, availability, health and rolling statistics. Health is
/// checked when the grain activates and then every <see cref="BackendsOptions.HealthCheckInterval"/> while it is
/// active; the result lives in memory (it is re-checked after a restart anyway). The last
/// <see cref="BackendsOptions.StatsWindow"/> outcomes are persisted.
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
    private Task<BackendHealth>? _runningCheck;

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

    public async Task RecordOutcomeAsync(BackendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _ = Backend;
        var outcomes = state.State.Outcomes;
        outcomes.Add(outcome.At == default ? outcome with { At = time.GetUtcNow() } : outcome);
        var window = Math.Max(1, options.Value.StatsWindow);
        if (outcomes.Count > window)
            outcomes.RemoveRange(0, outcomes.Count - window);
        await state.WriteStateAsync();
    }

    public async Task<BackendInfo> CheckHealthAsync()
    {
        var backend = Backend;
        await CheckAndRecordAsync(CancellationToken.None);
        return Info(backend);
    }

    private CatalogBackend Backend => _backend ?? catalog.Get(this.GetPrimaryKeyString());

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
            Stats = BackendStatistics.Compute(state.State.Outcomes),
        };
    }
}
