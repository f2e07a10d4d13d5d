using Microsoft.Extensions.Options;

namespace QuantumScheduler.Silo.Configuration;

/// <summary>Recognises a start failure caused by configuration, so it is reported as one line naming the key.</summary>
internal static class ConfigurationError
{
    /// <summary>The problem in words, or null when <paramref name="exception"/> is not a configuration error.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            binding.InnerException is { } cause ? $"{binding.Message} {cause.Message}" : binding.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
