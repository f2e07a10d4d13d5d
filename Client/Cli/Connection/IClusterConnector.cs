using QuantumScheduler.Client;

namespace QuantumScheduler.Cli.Connection;

/// <summary>Opens a session with the scheduling service for one command.</summary>
internal interface IClusterConnector
{
    /// <exception cref="CannotConnectException">There is no service to talk to; the message says why and what to do.</exception>
    Task<IClusterSession> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken);
}

/// <summary>A connection for one command; disposing it disconnects (and stops an embedded silo).</summary>
internal interface IClusterSession : IAsyncDisposable
{
    QuantumSchedulerClient Client { get; }

    /// <summary>True when the silo runs in this process and stops with it: a submitted job only makes progress while
    /// the command waits for it.</summary>
    bool IsEmbedded { get; }
}
