using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Hosting;

/// <summary>This process's silo: its name, address and status.</summary>
public sealed class LocalSilo(IOptions<SiloOptions> options)
{
    private volatile SiloStatus _status = SiloStatus.Created;
    private volatile SiloAddress _address = new(options.Value.SiloName, 0, SiloAddress.NewGeneration());

    public string Name { get; } = options.Value.SiloName;

    /// <summary>The silo's address. An embedded silo (no silo port) has no endpoint and is named by its silo name and
    /// port 0; a clustered silo gets its advertised host and listening port when its transport starts, before it
    /// becomes active. The generation is fixed for the life of the process.</summary>
    public SiloAddress Address => _address;

    public SiloStatus Status => _status;

    /// <summary>New calls are taken only while the silo is active.</summary>
    public bool IsAcceptingCalls => _status == SiloStatus.Active;

    internal void SetStatus(SiloStatus status) => _status = status;

    /// <summary>Called once by the transport when it listens.</summary>
    internal void BindEndpoint(string host, int port) => _address = _address with { Host = host, Port = port };
}
