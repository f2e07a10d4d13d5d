using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// This silo's part of the membership protocol, in Orleans' manner, over an <see cref="IMembershipTable"/>:
/// <list type="bullet">
/// <item>join: insert its row as Joining, probe every active, non-stale silo, and become Active only when all answered
/// (else the start fails after <see cref="MembershipOptions.MaxJoinAttemptTime"/>);</item>
/// <item>failure detection: probe a few successors every <see cref="MembershipOptions.ProbeTimeout"/>; after
/// <see cref="MembershipOptions.NumMissedProbesLimit"/> misses, vote the target dead in its row, or declare it Dead
/// when the votes reach the quorum; every write is conditional on the table version;</item>
/// <item>the view: re-read the table every <see cref="MembershipOptions.TableRefreshTimeout"/> (and after each own
/// write) and raise <see cref="Changed"/> for each newer version; IAmAlive every
/// <see cref="MembershipOptions.IAmAliveTablePublishTimeout"/>;</item>
/// <item>a silo that reads that it is dead writes nothing more and hands over to the <see cref="IDeclaredDeadHandler"/>;</item>
/// <item>graceful stop: ShuttingDown when the silo starts refusing calls, Dead once its grains are gone.</item>
/// </list>
/// </summary>
public sealed partial class MembershipOracle : IClusterMembershipView, ISiloLifecycleParticipant, IAsyncDisposable
{
    /// <summary>Conditional writes that lose a race re-read and retry this many times before giving up until the next round.</summary>
    private const int WriteAttempts = 5;

    private readonly IMembershipTable _table;
    private readonly ISiloProber _prober;
    private readonly ILocalSiloDetails _local;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly IDeclaredDeadHandler _deadHandler;
    private readonly ILogger<MembershipOracle> _logger;
    // Serialises this silo's reads-and-writes of the table, so its own writes never race each other and views are
    // applied in the order they were read.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private SiloAddress _self = null!; // set by JoinAsync, before anything else uses it
    private readonly Lock _probeLock = new();
    private readonly Dictionary<SiloAddress, int> _missedProbes = [];
    private MembershipSnapshot _lastRead = new([], -1);
    private ClusterMembershipSnapshot _view = ClusterMembershipSnapshot.Empty;
    private Task _loops = Task.CompletedTask;
    private int _probeNumber;
    private volatile bool _joined;
    // Set before this silo writes its own row Dead (graceful stop, failed join), so reading that row back is no surprise.
    private volatile bool _leaving;
    private int _declaredDead;

    public MembershipOracle(
        IMembershipTable table, ISiloProber prober, ILocalSiloDetails local, IOptions<MembershipOptions> options,
        TimeProvider time, IDeclaredDeadHandler deadHandler, ILogger<MembershipOracle> logger)
    {
        _table = table;
        _prober = prober;
        _local = local;
        _options = options.Value;
        _time = time;
        _deadHandler = deadHandler;
        _logger = logger;
    }

    public ClusterMembershipSnapshot Current => Volatile.Read(ref _view);

    public event Action<ClusterMembershipSnapshot>? Changed;

    public int Stage => SiloLifecycleStage.Membership;

    /// <summary>True once this silo has read that the cluster declared it dead.</summary>
    public bool IsDeclaredDead => Volatile.Read(ref _declaredDead) == 1;

    /// <summary>Joins the cluster (see the type's remarks), then starts probing, refreshing and IAmAlive.</summary>
    /// <exception cref="MembershipJoinException">The silo could not reach every active silo within
    /// <see cref="MembershipOptions.MaxJoinAttemptTime"/>; its row is left Dead.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await JoinAsync(cancellationToken).ConfigureAwait(false);
        var stopping = _stopping.Token;
        _loops = Task.WhenAll(
            RunPeriodicallyAsync(_options.ProbeTimeout, ProbeRoundAsync, "probing", stopping),
            RunPeriodicallyAsync(_options.TableRefreshTimeout, RefreshAsync, "table refresh", stopping),
            RunPeriodicallyAsync(_options.IAmAliveTablePublishTimeout, PublishIAmAliveAsync, "IAmAlive", stopping));
    }

    public async Task OnShuttingDownAsync(CancellationToken cancellationToken)
    {
        if (!_joined || IsDeclaredDead)
            return;
        try
        {
            await SetOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStatusWriteFailed(exception, SiloStatus.ShuttingDown);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync().ConfigureAwait(false);
        if (!_joined || IsDeclaredDead)
            return;
        _leaving = true;
        try
        {
            await SetOwnStatusAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStatusWriteFailed(exception, SiloStatus.Dead);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopsAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _gate.Dispose();
    }

    /// <summary>Inserts the row as Joining, marks older generations of this endpoint Dead, waits until every active,
    /// non-stale silo answers a probe, and sets the row Active.</summary>
    internal async Task JoinAsync(CancellationToken cancellationToken)
    {
        _self = _local.Address;
        var deadline = _time.GetUtcNow() + _options.MaxJoinAttemptTime;
        await InsertOwnRowAsync(cancellationToken).ConfigureAwait(false);
        _joined = true;
        await DeclareOlderGenerationsDeadAsync(cancellationToken).ConfigureAwait(false);

        while (true)
        {
            var table = await ReadAndApplyAsync(cancellationToken).ConfigureAwait(false);
            var now = UtcNow;
            var peers = table.Rows.Select(static row => row.Entry)
                .Where(entry => entry.Silo != _self && entry.Status == SiloStatus.Active && !SuspicionVote.IsStale(entry, now, _options))
                .Select(static entry => entry.Silo)
                .ToArray();
            var answers = await Task.WhenAll(peers.Select(peer => ProbeAsync(peer, cancellationToken))).ConfigureAwait(false);
            var unreachable = peers.Where((_, i) => !answers[i]).ToArray();
            if (unreachable.Length == 0)
                break;

            LogJoinPeersUnreachable(_self.ToString(), string.Join(", ", unreachable.Select(static silo => silo.ToString())));
            if (_time.GetUtcNow() >= deadline)
            {
                await GiveUpJoiningAsync(cancellationToken).ConfigureAwait(false);
                throw new MembershipJoinException(
                    $"Silo {_self} could not join the cluster: the active silos {string.Join(", ", unreachable.Select(static silo => silo.ToString()))} " +
                    $"did not answer its probes within MembershipOptions.MaxJoinAttemptTime ({_options.MaxJoinAttemptTime}). It did not become active; " +
                    "check that the silos can reach each other's silo port.");
            }
            await Task.Delay(_options.ProbeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }

        if (!await SetOwnStatusAsync(SiloStatus.Active, cancellationToken).ConfigureAwait(false))
            throw new MembershipJoinException($"Silo {_self} was declared dead while joining the cluster; it did not become active.");
        LogJoined(_self.ToString(), Current.Version, Current.ActiveSilos.Count);
    }

    /// <summary>Re-reads the table and publishes a newer view; finds out whether this silo was declared dead.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken) =>
        await ReadAndApplyAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Probes this silo's successors once and votes against those that missed
    /// <see cref="MembershipOptions.NumMissedProbesLimit"/> probes in a row.</summary>
    internal async Task ProbeRoundAsync(CancellationToken cancellationToken)
    {
        var targets = ProbeTargets.Select(Current.ActiveSilos, _self, _options.NumProbedSilos);
        lock (_probeLock)
        {
            foreach (var forgotten in _missedProbes.Keys.Except(targets).ToArray())
                _missedProbes.Remove(forgotten);
        }
        await Task.WhenAll(targets.Select(target => ProbeAndJudgeAsync(target, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Writes this silo's IAmAlive time (no version change).</summary>
    internal async Task PublishIAmAliveAsync(CancellationToken cancellationToken)
    {
        if (!IsDeclaredDead)
            await _table.UpdateIAmAliveAsync(_self, UtcNow, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Votes <paramref name="target"/> dead, or declares it Dead if this vote completes the quorum. Returns
    /// true when the target is Dead afterwards (by this vote or already).</summary>
    internal async Task<bool> TryToSuspectOrKillAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        MembershipEntry? found = null, voted = null;
        var requiredVotes = 0;
        var outcome = await WriteRowAsync(table =>
        {
            found = table.Rows.FirstOrDefault(row => row.Entry.Silo == target)?.Entry;
            if (found is null || found.Status == SiloStatus.Dead)
                return null;
            var now = UtcNow;
            voted = SuspicionVote.Cast(table, found, _self, now, _options);
            requiredVotes = SuspicionVote.RequiredVotes(table, now, _options);
            return voted;
        }, cancellationToken).ConfigureAwait(false);

        switch (outcome)
        {
            case RowWriteOutcome.Written when voted!.Status == SiloStatus.Dead:
                LogDeclaredDead(target.ToString(), _self.ToString(), voted.Suspicions.Count);
                return true;
            case RowWriteOutcome.Written:
                LogSuspected(target.ToString(), _self.ToString(), voted!.Suspicions.Count, requiredVotes);
                return false;
            case RowWriteOutcome.NothingToWrite:
                return found is not null;
            case RowWriteOutcome.Contended:
                LogWriteContention(target.ToString(), WriteAttempts);
                return false;
            default: // this silo found itself declared dead: its votes no longer count
                return false;
        }
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private async Task ProbeAndJudgeAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        var answered = await ProbeAsync(target, cancellationToken).ConfigureAwait(false);
        int missed;
        lock (_probeLock)
        {
            missed = answered ? 0 : _missedProbes.GetValueOrDefault(target) + 1;
            _missedProbes[target] = missed;
        }
        if (missed == 0)
            return;
        LogProbeMissed(target.ToString(), missed, _options.NumMissedProbesLimit);
        if (missed >= _options.NumMissedProbesLimit)
            await TryToSuspectOrKillAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One probe, bounded by <see cref="MembershipOptions.ProbeTimeout"/> even if the prober overruns it; a
    /// prober failure counts as no answer.</summary>
    private async Task<bool> ProbeAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        try
        {
            return await _prober.ProbeAsync(target, Interlocked.Increment(ref _probeNumber), _options.ProbeTimeout, cancellationToken)
                .WaitAsync(_options.ProbeTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogProbeFailed(exception, target.ToString());
            return false;
        }
    }

    private async Task InsertOwnRowAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= WriteAttempts; attempt++)
        {
            var table = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (table.Rows.Any(row => row.Entry.Silo == _self))
                throw new MembershipJoinException(
                    $"Silo {_self} already has a row in the membership table: another process started with the same address and generation. " +
                    "A restarted silo needs a new generation.");
            var now = UtcNow;
            var entry = new MembershipEntry { Silo = _self, Status = SiloStatus.Joining, ProxyPort = _local.GatewayPort, StartedAt = now, IAmAliveAt = now };
            if (await _table.InsertRowAsync(entry, table.Version, cancellationToken).ConfigureAwait(false))
                return;
        }
        throw new MembershipJoinException($"Silo {_self} could not insert its membership row: the table version changed under each of {WriteAttempts} attempts.");
    }

    /// <summary>A restarted process is a new generation of the same endpoint; the rows of its older generations are
    /// marked Dead at once rather than waiting for the probes to find them silent.</summary>
    private async Task DeclareOlderGenerationsDeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            MembershipEntry? older = null;
            var outcome = await WriteRowAsync(table =>
            {
                older = table.Rows.FirstOrDefault(row => row.Entry.Status != SiloStatus.Dead && row.Entry.Silo.Host == _self.Host &&
                    row.Entry.Silo.Port == _self.Port && row.Entry.Silo.Generation < _self.Generation)?.Entry;
                return older is null ? null : older with { Status = SiloStatus.Dead };
            }, cancellationToken).ConfigureAwait(false);
            if (outcome != RowWriteOutcome.Written)
                return;
            LogOlderGenerationDead(older!.Silo.ToString(), _self.ToString());
        }
    }

    private async Task GiveUpJoiningAsync(CancellationToken cancellationToken)
    {
        _leaving = true;
        try
        {
            await SetOwnStatusAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStatusWriteFailed(exception, SiloStatus.Dead);
        }
    }

    /// <summary>Writes this silo's status; false when the silo found itself declared dead instead.</summary>
    private async Task<bool> SetOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        var outcome = await WriteRowAsync(table => table.Rows.Single(row => row.Entry.Silo == _self).Entry with { Status = status }, cancellationToken)
            .ConfigureAwait(false);
        if (outcome == RowWriteOutcome.Contended)
            throw new InvalidOperationException($"Silo {_self} could not write its status {status}: the membership table version changed under each of {WriteAttempts} attempts.");
        if (outcome != RowWriteOutcome.Written)
            return false;
        LogStatusWritten(_self.ToString(), status);
        return true;
    }

    /// <summary>One optimistic write of one row, under <see cref="_gate"/>: reads the table, asks <paramref name="decide"/>
    /// for the row's new entry (null: nothing to write), writes it conditioned on the row's ETag and the table version
    /// just read, and reads the table again once written. A version conflict starts over, up to
    /// <see cref="WriteAttempts"/> times. Nothing is written once this silo finds itself declared dead.</summary>
    private async Task<RowWriteOutcome> WriteRowAsync(Func<MembershipSnapshot, MembershipEntry?> decide, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; attempt <= WriteAttempts; attempt++)
            {
                var table = await ReadAndApplyLockedAsync(cancellationToken).ConfigureAwait(false);
                if (IsDeclaredDead)
                    return RowWriteOutcome.SelfDeclaredDead;
                if (decide(table) is not { } entry)
                    return RowWriteOutcome.NothingToWrite;
                var etag = table.Rows.Single(row => row.Entry.Silo == entry.Silo).ETag;
                if (!await _table.UpdateRowAsync(entry, etag, table.Version, cancellationToken).ConfigureAwait(false))
                    continue;
                await ReadAndApplyLockedAsync(cancellationToken).ConfigureAwait(false);
                return RowWriteOutcome.Written;
            }
            return RowWriteOutcome.Contended;
        }
        finally
        {
            _gate.Release();
        }
    }

    private enum RowWriteOutcome
    {
        Written,
        NothingToWrite,
        Contended,
        SelfDeclaredDead,
    }

    private async Task<MembershipSnapshot> ReadAndApplyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadAndApplyLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the table, publishes a view of a newer version, and checks this silo's own row. Called with
    /// <see cref="_gate"/> held, so views reach <see cref="Changed"/> in increasing version order.</summary>
    private async Task<MembershipSnapshot> ReadAndApplyLockedAsync(CancellationToken cancellationToken)
    {
        var table = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        if (table.Version < _lastRead.Version)
            return _lastRead;
        _lastRead = table;
        if (table.Version > _view.Version)
        {
            var view = new ClusterMembershipSnapshot(
                table.Rows.Select(static row => new ClusterMember(row.Entry.Silo, row.Entry.Status, row.Entry.ProxyPort, row.Entry.Silo.ToString())).ToArray(),
                table.Version);
            Volatile.Write(ref _view, view);
            LogViewChanged(table.Version, view.ActiveSilos.Count, table.Rows.Count);
            RaiseChanged(view);
        }
        if (_joined && FindDeathOf(table) is { } reason)
            OnDeclaredDead(reason);
        return table;
    }

    private void RaiseChanged(ClusterMembershipSnapshot view)
    {
        try
        {
            Changed?.Invoke(view);
        }
        catch (Exception exception)
        {
            LogChangedHandlerFailed(exception, view.Version);
        }
    }

    private string? FindDeathOf(MembershipSnapshot table)
    {
        var own = table.Rows.FirstOrDefault(row => row.Entry.Silo == _self)?.Entry;
        if (own is null)
            return "its row is gone from the membership table";
        if (own.Status == SiloStatus.Dead && !_leaving)
            return $"its row is Dead, voted by {string.Join(", ", own.Suspicions.Select(static vote => vote.Suspecter.ToString()))}";
        return table.Rows.Any(row => row.Entry.Silo.Host == _self.Host && row.Entry.Silo.Port == _self.Port && row.Entry.Silo.Generation > _self.Generation)
            ? "a newer generation of its endpoint has joined"
            : null;
    }

    private void OnDeclaredDead(string reason)
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) == 1)
            return;
        LogFoundSelfDead(_self.ToString(), reason);
        _stopping.Cancel();
        // Off this call chain: the handler may end the process, and must not do so while this silo holds its gate.
        _ = Task.Run(() => _deadHandler.OnDeclaredDead(_self, reason), CancellationToken.None);
    }

    private async Task RunPeriodicallyAsync(TimeSpan period, Func<CancellationToken, Task> action, string what, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            try
            {
                await action(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogLoopFailed(exception, what);
            }
            var remaining = period - _time.GetElapsedTime(started);
            try
            {
                if (remaining > TimeSpan.Zero)
                    await Task.Delay(remaining, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StopLoopsAsync()
    {
        if (!_stopping.IsCancellationRequested)
            await _stopping.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster as Active (table version {Version}, {ActiveCount} active silos).")]
    private partial void LogJoined(string silo, long version, int activeCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} is joining but cannot reach the active silos {Unreachable}; retrying.")]
    private partial void LogJoinPeersUnreachable(string silo, string unreachable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership view version {Version}: {ActiveCount} active of {RowCount} silos.")]
    private partial void LogViewChanged(long version, int activeCount, int rowCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Target} missed a probe ({Missed} in a row; a vote is cast at {Limit}).")]
    private partial void LogProbeMissed(string target, int missed, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Probing silo {Target} failed.")]
    private partial void LogProbeFailed(Exception exception, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Target} is suspected by {Suspecter}: {Votes} fresh votes of {Required} needed.")]
    private partial void LogSuspected(string target, string suspecter, int votes, int required);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Target} declared Dead by {Suspecter} with {Votes} votes.")]
    private partial void LogDeclaredDead(string target, string suspecter, int votes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voting against silo {Target} lost the table-version race {Attempts} times; the next missed probe votes again.")]
    private partial void LogWriteContention(string target, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Older} is an older generation of {Self}; its row is now Dead.")]
    private partial void LogOlderGenerationDead(string older, string self);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is now {Status} in the membership table.")]
    private partial void LogStatusWritten(string silo, SiloStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing this silo's membership status {Status} failed.")]
    private partial void LogStatusWriteFailed(Exception exception, SiloStatus status);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {Silo} finds itself declared dead: {Reason}. It writes nothing more.")]
    private partial void LogFoundSelfDead(string silo, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A membership Changed handler threw for version {Version}.")]
    private partial void LogChangedHandlerFailed(Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Membership {What} failed; retrying next period.")]
    private partial void LogLoopFailed(Exception exception, string what);
}
