using Microsoft.Extensions.Options;
using Npgsql;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Gateways;

/// <summary>
/// Reads the gateways straight from the cluster's PostgreSQL membership table, as Orleans' ADO.NET gateway list
/// provider does: every silo whose row says Active and has a gateway port. The client needs no silo to ask, so it
/// finds the cluster even when the gateways it knew are all gone.
/// </summary>
internal sealed class PostgreSqlGatewayListProvider(IOptions<PostgreSqlGatewayListOptions> options) : IGatewayListProvider
{
    private readonly PostgreSqlGatewayListOptions _options = options.Value;

    public string Description
    {
        get
        {
            var connection = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
            return $"the membership table of cluster '{_options.ClusterId}' in {connection.Host}:{connection.Port}/{connection.Database}";
        }
    }

    public async Task<IReadOnlyList<SiloEndpoint>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_options.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The schema name is validated as an identifier, so it can be spliced in.
        await using var command = new NpgsqlCommand(
            $"SELECT host, proxy_port FROM {_options.Schema}.membership WHERE cluster_id = @cluster AND status = @active AND proxy_port IS NOT NULL ORDER BY host, proxy_port;",
            connection);
        command.Parameters.AddWithValue("cluster", _options.ClusterId);
        command.Parameters.AddWithValue("active", (short)SiloStatus.Active);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var gateways = new List<SiloEndpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            gateways.Add(new SiloEndpoint(reader.GetString(0), reader.GetInt32(1)));
        return gateways;
    }
}
