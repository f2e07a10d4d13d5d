using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>This process's silo: its name, address and status.</summary>
public sealed class LocalSilo(IOptions<SiloOptions> options)
{
    private volatile SiloStatus _status = SiloStatus.Created;

    public string Name { get; } = options.Value.SiloName;

    /// <summary>Until the cluster transport exists a silo has no endpoint; its address names it in-process.</summary>
    public SiloAddress Address { get; } = new(options.Value.SiloName, 0, SiloAddress.NewGeneration());

    public SiloStatus Status => _status;

    /// <summary>New calls are taken only while the silo is active.</summary>
    public bool IsAcceptingCalls => _status == SiloStatus.Active;

    internal void SetStatus(SiloStatus status) => _status = status;
}
