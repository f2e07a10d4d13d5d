using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.TestingHost;

/// <summary>One silo of a test cluster: its own host and DI container.</summary>
public sealed class TestSilo
{
    internal TestSilo(string name, IHost host)
    {
        Name = name;
        Host = host;
    }

    public string Name { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public Silo Silo => Services.GetRequiredService<Silo>();

    /// <summary>The silo's co-hosted client.</summary>
    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    public SiloStatus Status => Silo.Status;

    public override string ToString() => $"{Name} ({Status})";
}
