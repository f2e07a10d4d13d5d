using System.Diagnostics;

namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>A silo process the <c>local-process</c> provisioner started.</summary>
public sealed class ManagedSilo
{
    internal ManagedSilo(string cluster, int index, string name, string httpUrl, string dataDirectory, Process process)
    {
        Cluster = cluster;
        Index = index;
        Name = name;
        HttpUrl = httpUrl;
        DataDirectory = dataDirectory;
        Process = process;
        ProcessId = process.Id;
    }

    public string Cluster { get; }

    /// <summary>Its number among the cluster's started silos (1, 2, …); a stopped silo's number is reused.</summary>
    public int Index { get; }

    public string Name { get; }

    /// <summary>Where its <c>/health</c> endpoint listens.</summary>
    public string HttpUrl { get; }

    public string DataDirectory { get; }

    public int ProcessId { get; }

    internal Process Process { get; }

    public bool HasExited => Process.HasExited;

    public override string ToString() => $"{Name} (pid {ProcessId}, {HttpUrl})";
}
