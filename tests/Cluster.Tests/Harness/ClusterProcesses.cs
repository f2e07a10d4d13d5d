using QuantumScheduler.ClusterTestSilo;
using QuantumScheduler.Tests.Shared;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// The silo processes of one test: starts them (several at once), restarts them, and on dispose kills whatever
/// still runs and writes every process's output into the test's log (xunit shows it when the test fails).
/// </summary>
public sealed class ClusterProcesses(string connectionString, ITestOutputHelper log) : IAsyncDisposable
{
    /// <summary>How long a silo may take to print READY: several processes JIT-compiling on a busy two-core machine.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How long a graceful stop may take before the harness kills the process and fails.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly List<ProcessSilo> _started = [];
    private int _nextSilo;

    /// <summary>This test's cluster id: each test is a cluster of its own in the class's database, so silos a previous test
    /// killed (still Active in the membership table) are not in its way.</summary>
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>Environment variables every silo started after this point gets (configuration overrides).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Every process started, in order, including exited ones (a restart adds a new one).</summary>
    public IReadOnlyList<ProcessSilo> Started
    {
        get
        {
            lock (_started)
                return [.. _started];
        }
    }

    /// <summary>The processes still running.</summary>
    public IReadOnlyList<ProcessSilo> Running => Started.Where(static silo => !silo.HasExited).ToList();

    /// <summary>Starts <paramref name="count"/> silos at the same moment and waits until every one is ready and every
    /// silo's membership view has had time to see the others (a silo that became active first learns of the later
    /// ones at its next table read).</summary>
    public async Task<IReadOnlyList<ProcessSilo>> StartSilosAsync(int count)
    {
        var silos = Enumerable.Range(0, count).Select(_ => Launch(NewSettings())).ToList();
        await Task.WhenAll(silos.Select(static silo => silo.WaitForReadyAsync(ReadyTimeout)));
        await Task.Delay(2 * TestSiloDefaults.MembershipTableRefresh);
        return silos;
    }

    /// <summary>Starts one silo and waits until it is ready.</summary>
    public async Task<ProcessSilo> StartSiloAsync()
    {
        var silo = Launch(NewSettings());
        await silo.WaitForReadyAsync(ReadyTimeout);
        return silo;
    }

    /// <summary>Starts a new process with the settings of <paramref name="previous"/> (same name, same ports), which
    /// must have exited, and waits until it is ready. It is a new silo generation.</summary>
    public async Task<ProcessSilo> RestartAsync(ProcessSilo previous)
    {
        if (!previous.HasExited)
            throw new InvalidOperationException($"Silo {previous.Name} (pid {previous.ProcessId}) still runs; kill or stop it before restarting it.");
        var silo = Launch(previous.Settings);
        await silo.WaitForReadyAsync(ReadyTimeout);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        var started = Started;
        await Task.WhenAll(started.Select(static silo => silo.KillAsync()));
        foreach (var silo in started)
        {
            WriteToLog(silo.Transcript());
            await silo.DisposeAsync();
        }
    }

    /// <summary>Fixed ports (picked free now) rather than port 0, so a restart comes back on the same endpoint, as a
    /// restarted process does in production.</summary>
    private ProcessSiloSettings NewSettings() =>
        new($"silo-{Interlocked.Increment(ref _nextSilo)}", connectionString, ClusterId, new Dictionary<string, string>(Environment), FreePorts.Next(), FreePorts.Next());

    private ProcessSilo Launch(ProcessSiloSettings settings)
    {
        var silo = ProcessSilo.Start(settings);
        lock (_started)
            _started.Add(silo);
        return silo;
    }

    private void WriteToLog(string text)
    {
        try
        {
            log.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once the test is over; the transcript is only lost for the log then.
        }
    }
}
