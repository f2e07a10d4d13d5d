namespace QuantumScheduler.Runtime.Client;

/// <summary>How the external client calls the cluster. Bound from <c>QuantumScheduler:Client</c>.</summary>
public sealed class ClientOptions
{
    public const string SectionName = "QuantumScheduler:Client";

    /// <summary>How long a call may take, retries on other gateways included, before it fails with
    /// <see cref="TimeoutException"/> (a method's <c>[ResponseTimeout]</c> overrides it). Default: 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a connection to one gateway (TCP connect and handshake) may take before the client
    /// tries another. Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the gateway list is re-read (from the membership table or the static list). Default: 10 seconds.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a gateway that failed (refused, dropped the connection or is shutting down) is skipped before
    /// the client tries it again, unless no other is left. Default: 30 seconds.</summary>
    public TimeSpan FailedGatewayRetryPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause before resending a call the cluster refused without running it (a silo shutting down, a grain
    /// moving); doubles on each attempt up to 1 second. Default: 50 milliseconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long <c>StartAsync</c> keeps trying to reach a first gateway before it fails. Default: 30 seconds.</summary>
    public TimeSpan InitialConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
