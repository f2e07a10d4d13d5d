namespace QuantumScheduler.Runtime.Client;

/// <summary>A fixed list of gateways. Bound from <c>QuantumScheduler:Client:StaticGateways</c>.</summary>
public sealed class StaticGatewayListOptions
{
    public const string SectionName = "QuantumScheduler:Client:StaticGateways";

    /// <summary>Gateway endpoints as <c>host:port</c> (an IPv6 host in brackets). At least one is required.</summary>
    public List<string> Gateways { get; set; } = [];
}
