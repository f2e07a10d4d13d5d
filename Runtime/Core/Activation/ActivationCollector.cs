using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// Deactivates activations idle for their collection age (checked every collection quantum, so one goes
/// between its age and its age plus a quantum) and trims surplus idle stateless workers.
/// </summary>
internal sealed class ActivationCollector(Catalog catalog, IOptions<GrainCollectionOptions> options) : IAsyncDisposable
{
    private readonly GrainCollectionOptions _options = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private Task _collecting = Task.CompletedTask;
    private Task _trimming = Task.CompletedTask;

    public void Start()
    {
        _collecting = RunPeriodicallyAsync(_options.CollectionQuantum, () => CollectIdleActivations());
        _trimming = RunPeriodicallyAsync(_options.StatelessWorkerInspectionPeriod, TrimStatelessWorkers);
    }

    /// <summary>One collection pass; returns how many activations it started deactivating.</summary>
    public int CollectIdleActivations()
    {
        var now = Environment.TickCount64;
        var collected = 0;
        foreach (var activation in catalog.Activations)
        {
            if (activation.GrainClass.KeepAlive)
                continue;
            var age = activation.GrainClass.CollectionAge ?? _options.CollectionAge;
            if (activation.TryCollectIfIdle(now, age))
                collected++;
        }
        return collected;
    }

    private void TrimStatelessWorkers()
    {
        foreach (var group in catalog.StatelessWorkerGroups)
            group.RemoveSurplusIdleWorkers();
    }

    private async Task RunPeriodicallyAsync(TimeSpan period, Action pass)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
                pass();
        }
        catch (OperationCanceledException)
        {
            // Stopped with the silo.
        }
    }

    /// <summary>Stops both loops; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
            await _stopping.CancelAsync();
        await Task.WhenAll(_collecting, _trimming);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
