using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using QuantumScheduler.Tests.Shared;

namespace QuantumScheduler.Silo.Tests;

/// <summary>The real silo executable, started with <c>dotnet QuantumScheduler.Silo.dll</c> in a scratch directory.</summary>
internal sealed partial class SiloProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private SiloProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _errors.Enqueue(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; }

    public IReadOnlyCollection<string> Output => _output;

    public IReadOnlyCollection<string> Errors => _errors;

    public static SiloProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "QuantumScheduler.Silo.dll"))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["QuantumScheduler__Host__Url"] = url;
        start.Environment.Remove("QUANTUM_SCHEDULER_DATA_DIR");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new SiloProcess(Process.Start(start)!, url);
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForOutput(string text, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } found)
                return found;
            if (_process.HasExited)
                break;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The silo did not print \"{text}\". Output:\n{string.Join('\n', _output)}\nErrors:\n{string.Join('\n', _errors)}");
    }

    /// <summary>Sends Ctrl+C (SIGINT) and waits for the exit code.</summary>
    public async Task<int> InterruptAndWait()
    {
        if (Kill(_process.Id, SigInt) != 0)
            throw new InvalidOperationException($"kill(SIGINT) failed with errno {Marshal.GetLastPInvokeError()}");
        return await WaitForExit();
    }

    public async Task<int> WaitForExit()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
