using System.Collections.Concurrent;
using System.Diagnostics;
using QuantumScheduler.ClusterTestSilo;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// One ClusterTestSilo process, started as <c>dotnet ClusterTestSilo.dll</c> (the build output copied next to the
/// tests, so no build runs during a test). Its standard output and error are kept for the test log; its READY line
/// says where it serves.
/// </summary>
public sealed class ProcessSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<ReadyLine> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessSilo(ProcessSiloSettings settings, Process process)
    {
        Settings = settings;
        _process = process;
        _process.OutputDataReceived += (_, line) => OnOutput(line.Data, isError: false);
        _process.ErrorDataReceived += (_, line) => OnOutput(line.Data, isError: true);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"Silo {Name} exited before it was ready."));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ProcessId = _process.Id;
    }

    public ProcessSiloSettings Settings { get; }

    public string Name => Settings.Name;

    public int ProcessId { get; }

    /// <summary>What the silo announced once it served.</summary>
    /// <exception cref="InvalidOperationException">It has not printed its READY line (yet).</exception>
    public ReadyLine Ready => _ready.Task.IsCompletedSuccessfully
        ? _ready.Task.Result
        : throw new InvalidOperationException($"Silo {Name} (pid {ProcessId}) is not ready.");

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Standard output and error lines (error lines prefixed <c>stderr: </c>), in arrival order.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the process; it is running, not yet ready, when this returns.</summary>
    public static ProcessSilo Start(ProcessSiloSettings settings)
    {
        var launcher = settings.Launcher ?? [];
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in launcher.Skip(1).Concat(launcher.Count > 0 ? ["dotnet"] : []))
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClusterTestSilo.dll"));
        foreach (var argument in settings.Arguments())
            start.ArgumentList.Add(argument);
        // Workstation GC keeps several silos on two cores from each claiming a heap per core.
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings.Environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        ChildProcessReaper.Track(process);
        return new ProcessSilo(settings, process);
    }

    /// <summary>Waits for the READY line.</summary>
    /// <exception cref="TimeoutException">It did not come within <paramref name="timeout"/>; the message holds the silo's output.</exception>
    /// <exception cref="InvalidOperationException">The process exited first; the message holds its output.</exception>
    public async Task<ReadyLine> WaitForReadyAsync(TimeSpan timeout)
    {
        try
        {
            return await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Silo {Name} (pid {ProcessId}) was not ready within {timeout}.\n{Transcript()}");
        }
        catch (InvalidOperationException)
        {
            await WaitForOutputToEndAsync();
            throw new InvalidOperationException($"Silo {Name} (pid {ProcessId}) exited with code {_process.ExitCode} before it was ready.\n{Transcript()}");
        }
    }

    /// <summary>Waits until a line of output contains <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } found)
                return found;
            if (_process.HasExited)
                break;
            await Task.Delay(50, CancellationToken.None);
        }
        throw new TimeoutException($"Silo {Name} (pid {ProcessId}) did not print \"{text}\" within {timeout}.\n{Transcript()}");
    }

    /// <summary>Ends the process with SIGKILL, as a crash would: nothing of the silo runs any more, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await WaitForOutputToEndAsync();
    }

    /// <summary>Asks the silo to stop gracefully (SIGTERM) and returns its exit code.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; it is killed then.</exception>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
            PosixSignals.Send(ProcessId, PosixSignals.SigTerm);
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; it is killed then.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"Silo {Name} (pid {ProcessId}) did not exit within {timeout}; it was killed.\n{Transcript()}");
        }
        await WaitForOutputToEndAsync();
        return _process.ExitCode;
    }

    /// <summary>A header naming the process and its exit code, then every line it printed.</summary>
    public string Transcript()
    {
        var state = _process.HasExited ? $"exit code {_process.ExitCode}" : "running";
        return $"---- {Name} (pid {ProcessId}, {state}) ----\n{string.Join('\n', _output)}";
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        ChildProcessReaper.Forget(_process);
        _process.Dispose();
    }

    private void OnOutput(string? line, bool isError)
    {
        if (line is null)
            return;
        _output.Enqueue(isError ? "stderr: " + line : line);
        if (!isError && ReadyLine.TryParse(line) is { } ready)
            _ready.TrySetResult(ready);
    }

    // The parameterless WaitForExit also waits for the redirected streams to reach their end, so no line is missed.
    private Task WaitForOutputToEndAsync() => Task.Run(_process.WaitForExit);
}
