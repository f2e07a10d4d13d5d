using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;

namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>
/// Scales by starting and stopping real silo processes on this machine: <c>dotnet &lt;Silo dll&gt;</c> with this
/// process's environment and <see cref="LocalProcessProvisionerOptions.Arguments"/> (so the same configuration), its
/// own name, HTTP port and data directory. When this silo is clustered (a silo port; PostgreSQL) a started silo takes
/// free silo and gateway ports and joins the same cluster through the membership table; otherwise it runs on its own
/// and takes no load off this one. Stopping sends SIGTERM (the silo leaves the cluster gracefully and exits 0) and
/// kills only after <see cref="LocalProcessProvisionerOptions.StopTimeout"/>. The cluster's count is this silo plus
/// the started processes still running. Every started process is stopped when the provisioner is disposed (the silo stops).
/// </summary>
public sealed partial class LocalProcessProvisioner(
    IOptions<LocalProcessProvisionerOptions> options, IOptions<EndpointOptions> endpoints, ILogger<LocalProcessProvisioner> logger)
    : IClusterProvisioner, IAsyncDisposable
{
    public const string ProvisionerName = "local-process";

    private const int SigTerm = 15;

    private readonly Lock _gate = new();
    private readonly List<ManagedSilo> _silos = [];

    public string Name => ProvisionerName;

    public int? CountSilos(string cluster) => 1 + GetSilos(cluster).Count;

    /// <summary>The cluster's started silos that are still running, oldest first.</summary>
    public IReadOnlyList<ManagedSilo> GetSilos(string cluster)
    {
        lock (_gate)
        {
            foreach (var exited in _silos.Where(static silo => silo.HasExited).ToArray())
            {
                logger.LogWarning("Autoscaled silo {Silo} exited on its own with code {ExitCode}", exited, exited.Process.ExitCode);
                exited.Process.Dispose();
                _silos.Remove(exited);
            }
            return _silos.Where(silo => silo.Cluster == cluster).ToArray();
        }
    }

    public async Task<ProvisioningResult> ScaleAsync(string cluster, int currentSilos, int targetSilos, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        if (targetSilos > currentSilos)
        {
            var started = Enumerable.Range(0, targetSilos - currentSilos).Select(_ => Start(cluster)).ToArray();
            return new ProvisioningResult(true, $"started {string.Join(", ", started.Select(static silo => silo.ToString()))}");
        }

        var stopping = GetSilos(cluster).Reverse().Take(currentSilos - targetSilos).ToArray();
        if (stopping.Length == 0)
            return new ProvisioningResult(false, "no started silo to stop (this provisioner stops only silos it started)");
        var exitCodes = await Task.WhenAll(stopping.Select(silo => StopAsync(silo, cancellationToken)));
        return new ProvisioningResult(true, $"stopped {string.Join(", ", stopping.Select((silo, i) => $"{silo} exit code {exitCodes[i]}"))}");
    }

    private ManagedSilo Start(string cluster)
    {
        var settings = options.Value;
        if (!File.Exists(settings.SiloAssemblyPath))
            throw new InvalidOperationException(
                $"{LocalProcessProvisionerOptions.SectionName}:SiloAssemblyPath \"{settings.SiloAssemblyPath}\" is not a file; point it at the built QuantumScheduler.Silo.dll.");
        lock (_gate)
        {
            var used = _silos.Where(silo => silo.Cluster == cluster).Select(static silo => silo.Index).ToHashSet();
            var index = Enumerable.Range(1, used.Count + 1).First(n => !used.Contains(n));
            var name = $"{settings.SiloNamePrefix}-{UnsafeNameCharacters().Replace(cluster.ToLowerInvariant(), "-")}-{index}";
            var port = settings.FirstHttpPort == 0 ? FreePort() : settings.FirstHttpPort + index - 1;
            var url = $"http://127.0.0.1:{port}";
            var dataDirectory = Path.GetFullPath(Path.Combine(settings.DataDirectory, name));
            Directory.CreateDirectory(dataDirectory);

            var startInfo = new ProcessStartInfo(settings.DotnetPath)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            startInfo.ArgumentList.Add(Path.GetFullPath(settings.SiloAssemblyPath));
            startInfo.ArgumentList.Add($"--QuantumScheduler:Silo:SiloName={name}");
            startInfo.ArgumentList.Add($"--QuantumScheduler:Host:Url={url}");
            // Clustered, it joins this silo's cluster; the ports this silo holds are taken, so it picks free ones.
            if (endpoints.Value.IsClustered)
                startInfo.ArgumentList.Add("--QuantumScheduler:Endpoints:SiloPort=0");
            if (endpoints.Value.GatewayPort is not null)
                startInfo.ArgumentList.Add("--QuantumScheduler:Endpoints:GatewayPort=0");
            foreach (var argument in settings.Arguments)
                startInfo.ArgumentList.Add(argument);
            startInfo.Environment["QUANTUM_SCHEDULER_DATA_DIR"] = dataDirectory;

            var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {settings.DotnetPath} for silo {name}.");
            process.OutputDataReceived += (_, line) => Log(name, line.Data);
            process.ErrorDataReceived += (_, line) => Log(name, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var silo = new ManagedSilo(cluster, index, name, url, dataDirectory, process);
            _silos.Add(silo);
            logger.LogInformation("Autoscaler started silo {Silo}", silo);
            return silo;
        }
    }

    private async Task<int> StopAsync(ManagedSilo silo, CancellationToken cancellationToken)
    {
        SendTerminate(silo.Process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StopTimeout);
        try
        {
            await silo.Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Autoscaled silo {Silo} did not stop within {Timeout} of SIGTERM; killing it", silo, options.Value.StopTimeout);
            silo.Process.Kill(entireProcessTree: true);
            await silo.Process.WaitForExitAsync(CancellationToken.None);
        }
        var exitCode = silo.Process.ExitCode;
        lock (_gate)
            _silos.Remove(silo);
        silo.Process.Dispose();
        logger.LogInformation("Autoscaler stopped silo {Silo} (exit code {ExitCode})", silo, exitCode);
        return exitCode;
    }

    /// <summary>Stops every silo this provisioner started.</summary>
    public async ValueTask DisposeAsync()
    {
        ManagedSilo[] silos;
        lock (_gate)
            silos = _silos.ToArray();
        await Task.WhenAll(silos.Select(silo => StopAsync(silo, CancellationToken.None)));
    }

    private void Log(string silo, string? line)
    {
        if (line is not null)
            logger.LogDebug("[{Silo}] {Line}", silo, line);
    }

    private static void SendTerminate(Process process)
    {
        if (OperatingSystem.IsWindows())
            process.Kill();
        else if (Kill(process.Id, SigTerm) != 0 && !process.HasExited)
            throw new InvalidOperationException($"Could not send SIGTERM to process {process.Id} (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>A port free right now (the OS's pick); the silo binds it moments later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex UnsafeNameCharacters();
}
