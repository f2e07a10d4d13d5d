using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// Checks PostgreSQL options at start-up, so a missing or malformed connection string or schema name stops the
/// start with a message naming the option, instead of failing on the first grain call.
/// </summary>
public sealed partial class PostgreSqlStorageOptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : PostgreSqlStorageOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var type = options.GetType().Name;
        var key = string.IsNullOrEmpty(name) ? type : $"{type}[\"{name}\"]";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{key}.ConnectionString is required: set it to the Npgsql connection string of the cluster's database.");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrEmpty(builder.Host))
                return ValidateOptionsResult.Fail($"{key}.ConnectionString names no Host.");
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{key}.ConnectionString is not a valid Npgsql connection string: {exception.Message}");
        }

        if (!SchemaName().IsMatch(options.Schema ?? ""))
            return ValidateOptionsResult.Fail($"{key}.Schema \"{options.Schema}\" is not a lower-case identifier (a-z, 0-9, _; at most 63 characters; not starting with a digit).");
        return options is PostgreSqlClusterOptions { ClusterId: var clusterId } && string.IsNullOrWhiteSpace(clusterId)
            ? ValidateOptionsResult.Fail($"{key}.ClusterId is empty; set it to the name every silo of the cluster shares.")
            : ValidateOptionsResult.Success;
    }

    /// <summary>What needs no quoting in SQL, so the name can go into statements and the search path as is.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    internal static partial Regex SchemaName();
}
