using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership.Tests;

/// <summary>Several oracles over one in-memory table on one fake clock; who can reach whom is set per test.</summary>
public sealed class ClusterHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly List<MembershipOracle> _oracles = [];

    public ClusterHarness(IMembershipTable? table = null, MembershipOptions? options = null)
    {
        Table = table ?? new InMemoryMembershipTable();
        Options = options ?? new MembershipOptions();
        Clock = new WaitObservingClock(Time);
    }

    public IMembershipTable Table { get; }

    public MembershipOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(Epoch);

    /// <summary><see cref="Time"/> as the oracles see it.</summary>
    public WaitObservingClock Clock { get; }

    public Network Network { get; } = new();

    public RecordingDeadHandler DeadHandler { get; } = new();

    public static SiloAddress Address(int n, long generation = 1) => new("10.0.0." + n, 11111, generation);

    public MembershipOracle Create(SiloAddress silo)
    {
        var oracle = new MembershipOracle(Table, new NetworkProber(Network, silo), new FixedSiloDetails(silo, 30000),
            Microsoft.Extensions.Options.Options.Create(Options), Clock, DeadHandler, NullLogger<MembershipOracle>.Instance);
        _oracles.Add(oracle);
        return oracle;
    }

    /// <summary>A silo that has joined (every active silo answered).</summary>
    public async Task<MembershipOracle> JoinAsync(SiloAddress silo)
    {
        var oracle = Create(silo);
        await oracle.JoinAsync(CancellationToken.None);
        return oracle;
    }

    public async Task<MembershipEntry> RowAsync(SiloAddress silo) =>
        (await Table.ReadAllAsync(CancellationToken.None)).Rows.Single(row => row.Entry.Silo == silo).Entry;

    public async Task<long> VersionAsync() => (await Table.ReadAllAsync(CancellationToken.None)).Version;

    /// <summary>Runs <paramref name="task"/> to completion, moving the fake clock a second at a time whenever the
    /// oracles wait on it (and only then: between waits they run on real time, however slow the machine).</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task)
    {
        var realDeadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        for (var step = 0; !task.IsCompleted && step < 100_000 && DateTime.UtcNow < realDeadline;)
        {
            if (Clock.SomethingWaits)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                step++;
            }
            await Task.Delay(1);
        }
        if (!task.IsCompleted)
            throw new TimeoutException($"The oracles did not finish after {Time.GetUtcNow() - Epoch} of fake time and a minute of real time.");
        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var oracle in _oracles)
            await oracle.DisposeAsync();
    }
}

/// <summary>Which silos answer which: every silo answers everyone unless cut off.</summary>
public sealed class Network
{
    private readonly HashSet<SiloAddress> _down = [];
    private readonly HashSet<(SiloAddress From, SiloAddress To)> _cut = [];

    /// <summary>The silo answers no probe (killed, or isolated both ways).</summary>
    public void Kill(SiloAddress silo)
    {
        lock (_down)
            _down.Add(silo);
    }

    /// <summary>Probes from <paramref name="from"/> to <paramref name="to"/> go unanswered.</summary>
    public void Cut(SiloAddress from, SiloAddress to)
    {
        lock (_down)
            _cut.Add((from, to));
    }

    public void Heal(SiloAddress from, SiloAddress to)
    {
        lock (_down)
            _cut.Remove((from, to));
    }

    public bool Answers(SiloAddress from, SiloAddress to)
    {
        lock (_down)
            return !_down.Contains(to) && !_cut.Contains((from, to));
    }
}

public sealed class NetworkProber(Network network, SiloAddress self) : ISiloProber
{
    private int _probes;

    public int Probes => Volatile.Read(ref _probes);

    public Task<bool> ProbeAsync(SiloAddress target, int probeNumber, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _probes);
        return Task.FromResult(network.Answers(self, target));
    }
}

/// <summary>Records which silos found themselves dead, instead of ending the test process.</summary>
public sealed class RecordingDeadHandler : IDeclaredDeadHandler
{
    private readonly List<(SiloAddress Silo, string Reason)> _calls = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(SiloAddress Silo, string Reason)> Calls
    {
        get
        {
            lock (_calls)
                return _calls.ToArray();
        }
    }

    /// <summary>Completes when the first silo found itself dead (the handler runs on the thread pool).</summary>
    public Task FirstCall => _first.Task;

    public void OnDeclaredDead(SiloAddress silo, string reason)
    {
        lock (_calls)
            _calls.Add((silo, reason));
        _first.TrySetResult();
    }
}

internal static class SiloStatusAssertions
{
    public static void StatusIs(this ClusterMembershipSnapshot view, SiloAddress silo, SiloStatus status) =>
        Assert.Equal(status, view.StatusOf(silo));
}

public sealed record FixedSiloDetails(SiloAddress Address, int? GatewayPort) : ILocalSiloDetails;
