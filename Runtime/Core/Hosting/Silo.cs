using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>
/// Starts and stops the silo with its host. A graceful stop leaves the cluster without losing a call: the silo refuses
/// new calls and activations (with a retryable <see cref="SiloUnavailableException"/>: the caller resends them, and the
/// grain re-activates on another silo), tells its lifecycle participants (membership announces it is shutting down, the
/// gateway answers the client requests in flight), lets running turns finish, deactivates every activation with
/// <see cref="DeactivationReasonCode.ShuttingDown"/> so grains write their state, and removes whatever directory
/// entries still name it, so no caller is sent here again.
/// </summary>
public sealed partial class Silo : IHostedService
{
    private readonly LocalSilo _silo;
    private readonly Catalog _catalog;
    private readonly ActivationCollector _collector;
    private readonly ResponseCallbacks _callbacks;
    private readonly GrainClassRegistry _grainClasses;
    private readonly SiloOptions _options;
    private readonly ILogger<Silo> _logger;
    private readonly ISiloLifecycleParticipant[] _participants;
    private readonly IGrainDirectory _directory;
    private bool _killed;

    internal Silo(LocalSilo silo, Catalog catalog, ActivationCollector collector, ResponseCallbacks callbacks, GrainClassRegistry grainClasses, IOptions<SiloOptions> options, ILogger<Silo> logger, IEnumerable<ISiloLifecycleParticipant> participants, IGrainDirectory directory)
    {
        _directory = directory;
        _participants = participants.OrderBy(static participant => participant.Stage).ToArray();
        _silo = silo;
        _catalog = catalog;
        _collector = collector;
        _callbacks = callbacks;
        _grainClasses = grainClasses;
        _options = options.Value;
        _logger = logger;
    }

    public string Name => _silo.Name;

    public SiloStatus Status => _silo.Status;

    /// <summary>Live activations in this silo.</summary>
    public int ActivationCount => _catalog.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _grainClasses.Refresh();
        foreach (var participant in _participants)
            await participant.StartAsync(cancellationToken);
        _silo.SetStatus(SiloStatus.Active);
        _collector.Start();
        LogStarted(_logger, _silo.Name, _silo.Address.ToString(), _grainClasses.GrainClasses.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_killed || _silo.Status >= SiloStatus.ShuttingDown)
            return;
        _silo.SetStatus(SiloStatus.ShuttingDown);
        var activations = _catalog.Count;
        LogStopping(_logger, _silo.Name, activations);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.ShutdownTimeout);
        for (var i = _participants.Length - 1; i >= 0; i--)
            await _participants[i].OnShuttingDownAsync(deadline.Token);
        try
        {
            await _catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is stopping"), deadline.Token);
        }
        catch (OperationCanceledException)
        {
            LogShutdownIncomplete(_logger, _silo.Name, _catalog.Count);
        }
        await UnregisterLeftoverEntriesAsync();
        _silo.SetStatus(SiloStatus.Stopping);
        for (var i = _participants.Length - 1; i >= 0; i--)
            await _participants[i].StopAsync(CancellationToken.None);
        await _collector.StopAsync();
        _silo.SetStatus(SiloStatus.Dead);
        LogStopped(_logger, _silo.Name, activations);
    }

    /// <summary>Each deactivation removed its own directory entry; this removes those of activations that did not finish
    /// deactivating in time, which would otherwise send callers to a silo that is gone until it is declared dead.</summary>
    private async Task UnregisterLeftoverEntriesAsync()
    {
        try
        {
            await _directory.UnregisterSilosAsync([_silo.Address]);
        }
        catch (Exception exception)
        {
            // The cluster removes them anyway once it declares this silo dead; leaving is not held up for it.
            LogDirectoryCleanupFailed(_logger, exception, _silo.Name);
        }
    }

    /// <summary>Ends the silo abruptly, as a crash would: no deactivation runs, no state is written, and
    /// calls waiting on it fail. For tests of recovery.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        _silo.SetStatus(SiloStatus.Dead);
        await _collector.StopAsync();
        _callbacks.FailAll(() => new SiloUnavailableException($"Silo {_silo.Name} was killed."));
        LogKilled(_logger, _silo.Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} started as {SiloAddress} with {GrainClassCount} grain classes.")]
    private static partial void LogStarted(ILogger logger, string siloName, string siloAddress, int grainClassCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} is stopping: refusing new calls and deactivating {ActivationCount} activations.")]
    private static partial void LogStopping(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloName} stopped before every activation finished deactivating; {ActivationCount} were abandoned.")]
    private static partial void LogShutdownIncomplete(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloName} could not remove its remaining grain directory entries while stopping.")]
    private static partial void LogDirectoryCleanupFailed(ILogger logger, Exception exception, string siloName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} stopped; {ActivationCount} activations were deactivated.")]
    private static partial void LogStopped(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloName} was killed.")]
    private static partial void LogKilled(ILogger logger, string siloName);
}
