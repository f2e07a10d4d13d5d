using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client;

/// <summary>Checks the client's options when the host starts; each failure names its configuration key.</summary>
internal sealed partial class ClientOptionsValidator :
    IValidateOptions<ClientOptions>, IValidateOptions<StaticGatewayListOptions>, IValidateOptions<PostgreSqlGatewayListOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.ResponseTimeout), options.ResponseTimeout);
        Positive(failures, nameof(options.ConnectTimeout), options.ConnectTimeout);
        Positive(failures, nameof(options.GatewayListRefreshPeriod), options.GatewayListRefreshPeriod);
        Positive(failures, nameof(options.FailedGatewayRetryPeriod), options.FailedGatewayRetryPeriod);
        Positive(failures, nameof(options.RetryDelay), options.RetryDelay);
        Positive(failures, nameof(options.InitialConnectTimeout), options.InitialConnectTimeout);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, StaticGatewayListOptions options)
    {
        var failures = new List<string>();
        if (options.Gateways.Count == 0)
            failures.Add($"{StaticGatewayListOptions.SectionName}:Gateways lists no gateway; give at least one host:port.");
        for (var i = 0; i < options.Gateways.Count; i++)
        {
            if (!SiloEndpoint.TryParse(options.Gateways[i], out _))
                failures.Add($"{StaticGatewayListOptions.SectionName}:Gateways:{i} is \"{options.Gateways[i]}\", not host:port with a port 1..65535.");
        }
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, PostgreSqlGatewayListOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add($"{PostgreSqlGatewayListOptions.SectionName}:ConnectionString is required.");
        if (!Identifier().IsMatch(options.Schema))
            failures.Add($"{PostgreSqlGatewayListOptions.SectionName}:Schema is \"{options.Schema}\"; use a lower-case identifier (letters, digits, underscores).");
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            failures.Add($"{PostgreSqlGatewayListOptions.SectionName}:ClusterId is empty.");
        return Result(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
            failures.Add($"{ClientOptions.SectionName}:{key} must be a positive time span, not {value}.");
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
