using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// Kills every silo process still running when the test process exits, the last line of defence behind
/// <see cref="ClusterProcesses.DisposeAsync"/>: a test host that is torn down (timeout, crash of the run) must not
/// leave silos behind holding ports and database connections.
/// </summary>
internal static class ChildProcessReaper
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ChildProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process) => Running[process.Id] = process;

    public static void Forget(Process process) => Running.TryRemove(process.Id, out _);

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }
}
