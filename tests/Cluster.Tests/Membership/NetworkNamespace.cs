using System.Diagnostics;
using System.Globalization;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>
/// A network namespace joined to this one by a veth pair, for cutting one silo off from the others:
/// <list type="bullet">
/// <item>10.213.N.0/24 carries silo traffic: <see cref="HostSiloAddress"/> here, <see cref="IsolatedSiloAddress"/> in the namespace;</item>
/// <item>10.214.N.0/24 carries the isolated silo's database traffic to <see cref="HostDatabaseAddress"/>.</item>
/// </list>
/// <see cref="CutSiloTrafficAsync"/> blackholes the silo subnet inside the namespace, so silo traffic is lost both
/// ways (replies from the namespace go nowhere) while the database stays reachable. Needs root and
/// <c>/usr/sbin/ip</c> (iproute2).
/// </summary>
internal sealed class NetworkNamespace : IAsyncDisposable
{
    public const string IpTool = "/usr/sbin/ip";

    private NetworkNamespace(string name, int subnet)
    {
        Name = name;
        Subnet = subnet;
    }

    /// <summary>The namespace's name (<c>ip netns</c>).</summary>
    public string Name { get; }

    private int Subnet { get; }

    private string HostLink => Name + "a";

    private string NamespaceLink => Name + "b";

    public string HostSiloAddress => $"10.213.{Subnet}.1";

    public string IsolatedSiloAddress => $"10.213.{Subnet}.2";

    public string HostDatabaseAddress => $"10.214.{Subnet}.1";

    /// <summary>The command prefix that runs a program inside the namespace.</summary>
    public IReadOnlyList<string> Launcher => [IpTool, "netns", "exec", Name];

    /// <exception cref="InvalidOperationException">Not root, or iproute2 is missing; the message says what to install.</exception>
    public static async Task<NetworkNamespace> CreateAsync()
    {
        if (!File.Exists(IpTool))
            throw new InvalidOperationException(
                $"The network-partition test needs {IpTool} (package iproute2) to build a network namespace, and it is missing: " +
                "apt-get install iproute2 (scripts/test.sh must install it on CI machines).");
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("The network-partition test creates a network namespace and must run as root.");

        var name = "qsm" + Guid.NewGuid().ToString("N")[..8]; // interface names stay within 15 characters
        var network = new NetworkNamespace(name, Random.Shared.Next(1, 255));
        try
        {
            await network.SetUpAsync();
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
        return network;
    }

    /// <summary>From now on no silo packet crosses between the namespace and the host; the database stays reachable.</summary>
    public Task CutSiloTrafficAsync() => InNamespaceAsync("ip", "route", "add", "blackhole", $"{HostSiloAddress}/32");

    public async ValueTask DisposeAsync()
    {
        // Deleting one end of a veth pair deletes both; the namespace's own clean-up is asynchronous in the kernel.
        await RunAsync(IpTool, ["link", "del", HostLink], mustSucceed: false);
        await RunAsync(IpTool, ["netns", "del", Name], mustSucceed: false);
    }

    private async Task SetUpAsync()
    {
        await RunAsync(IpTool, ["netns", "add", Name]);
        await RunAsync(IpTool, ["link", "add", HostLink, "type", "veth", "peer", "name", NamespaceLink]);
        await RunAsync(IpTool, ["link", "set", NamespaceLink, "netns", Name]);
        await RunAsync(IpTool, ["addr", "add", $"{HostSiloAddress}/24", "dev", HostLink]);
        await RunAsync(IpTool, ["addr", "add", $"{HostDatabaseAddress}/24", "dev", HostLink]);
        await RunAsync(IpTool, ["link", "set", HostLink, "up"]);
        await InNamespaceAsync("ip", "addr", "add", $"{IsolatedSiloAddress}/24", "dev", NamespaceLink);
        await InNamespaceAsync("ip", "addr", "add", $"10.214.{Subnet}.2/24", "dev", NamespaceLink);
        await InNamespaceAsync("ip", "link", "set", NamespaceLink, "up");
        await InNamespaceAsync("ip", "link", "set", "lo", "up");
    }

    private Task InNamespaceAsync(params string[] command) =>
        RunAsync(IpTool, ["netns", "exec", Name, .. command.Select(static part => part == "ip" ? IpTool : part)]);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool mustSucceed = true)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (mustSucceed && process.ExitCode != 0)
        {
            var message = await output + await error;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {message}"));
        }
    }
}
