using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>What this silo writes about itself into the membership table (Orleans' <c>ILocalSiloDetails</c>). Read
/// when the silo joins, after the transport has bound its endpoint.</summary>
public interface ILocalSiloDetails
{
    /// <summary>The silo's endpoint and generation.</summary>
    SiloAddress Address { get; }

    /// <summary>The port external clients connect to; null when the silo is no gateway.</summary>
    int? GatewayPort { get; }
}
