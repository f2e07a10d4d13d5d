using System.Runtime.InteropServices;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>Sends a POSIX signal to a process: .NET can kill (SIGKILL) but not ask politely (SIGTERM).</summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
