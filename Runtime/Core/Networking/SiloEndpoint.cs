using System.Globalization;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>A silo-to-silo endpoint without a generation: what a connection dials and what static configuration lists.</summary>
public readonly record struct SiloEndpoint(string Host, int Port)
{
    public static SiloEndpoint Of(SiloAddress silo) => new(silo.Host, silo.Port);

    /// <summary>Parses <c>host:port</c> (an IPv6 host in brackets: <c>[::1]:11111</c>).</summary>
    public static bool TryParse(string? text, out SiloEndpoint endpoint)
    {
        endpoint = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        var host = text[..colon].Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        if (host.Length == 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return false;
        endpoint = new SiloEndpoint(host, port);
        return true;
    }

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
