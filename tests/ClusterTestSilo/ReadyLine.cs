using System.Text.Json;
using System.Text.Json.Serialization;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.ClusterTestSilo;

/// <summary>
/// The one line a test silo prints when it serves, for the test harness to parse:
/// <c>READY {"name":"silo-1","silo":"127.0.0.1:40123@123456","gateway":"127.0.0.1:40124","pid":4242}</c>.
/// </summary>
/// <param name="Name">The silo's name.</param>
/// <param name="Silo">Its silo address (endpoint and generation).</param>
/// <param name="Gateway">The endpoint external clients connect to; null when the silo runs no gateway.</param>
/// <param name="Pid">The process id.</param>
public sealed record ReadyLine(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("silo")] string Silo,
    [property: JsonPropertyName("gateway")] string? Gateway,
    [property: JsonPropertyName("pid")] int Pid)
{
    public const string Prefix = "READY ";

    public override string ToString() => Prefix + JsonSerializer.Serialize(this);

    /// <summary>The ready line in <paramref name="line"/>, or null when it is another line.</summary>
    /// <exception cref="FormatException">The line starts like a ready line but its JSON is not one.</exception>
    public static ReadyLine? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        try
        {
            return JsonSerializer.Deserialize<ReadyLine>(line.AsSpan(Prefix.Length)) ?? throw new FormatException($"Malformed ready line: {line}");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Malformed ready line: {line}", exception);
        }
    }

    /// <summary>The ready line of the silo running in this process.</summary>
    internal static ReadyLine Of(LocalSilo silo, ILocalSiloDetails details) =>
        new(silo.Name, details.Address.ToString(), details.GatewayPort is { } port ? $"{details.Address.Host}:{port}" : null, Environment.ProcessId);
}
