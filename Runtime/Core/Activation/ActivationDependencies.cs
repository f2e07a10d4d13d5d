using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Serialization;
using QuantumScheduler.Runtime.Telemetry;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>The silo services every activation uses, bundled so an activation holds one reference.</summary>
internal sealed class ActivationDependencies(
    IServiceProvider services,
    MessageCenter messageCenter,
    IGrainDirectory directory,
    LocalSilo localSilo,
    RuntimeInstruments instruments,
    ISerializer serializer,
    IEnumerable<IIncomingGrainCallFilter> incomingFilters,
    IOptions<GrainCollectionOptions> collectionOptions,
    IClusterMembershipView membership,
    ILoggerFactory loggerFactory)
{
    public IServiceProvider Services { get; } = services;
    public MessageCenter MessageCenter { get; } = messageCenter;
    public IGrainDirectory Directory { get; } = directory;
    public SiloAddress SiloAddress => LocalSilo.Address;
    public LocalSilo LocalSilo { get; } = localSilo;
    public RuntimeInstruments Instruments { get; } = instruments;

    /// <summary>Copies responses back to callers.</summary>
    public ISerializer Serializer { get; } = serializer;

    /// <summary>Silo-wide incoming filters, in registration order.</summary>
    public IIncomingGrainCallFilter[] IncomingFilters { get; } = incomingFilters.ToArray();

    public GrainCollectionOptions Collection { get; } = collectionOptions.Value;

    /// <summary>Tells whether a directory entry points at a dead silo.</summary>
    public IClusterMembershipView Membership { get; } = membership;
    public ILogger Logger { get; } = loggerFactory.CreateLogger("QuantumScheduler.Runtime.Activation");
}
