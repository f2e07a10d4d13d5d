using System.Globalization;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Converts a raw value of the seed's formats to what the options binder reads, or says what is wrong.</summary>
internal static class ConfigurationValueParser
{
    private static readonly Dictionary<string, string> s_logLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = "Trace",
        ["debug"] = "Debug",
        ["info"] = "Information",
        ["information"] = "Information",
        ["warning"] = "Warning",
        ["error"] = "Error",
        ["critical"] = "Critical",
    };

    private static readonly string[] s_environments = ["development", "staging", "production"];

    /// <summary>The binder's form of <paramref name="raw"/>, or null with <paramref name="problem"/> set.</summary>
    public static string? Convert(ConfigurationValueKind kind, string raw, out string? problem)
    {
        problem = null;
        var text = raw.Trim();
        switch (kind)
        {
            case ConfigurationValueKind.Text:
                return raw;
            case ConfigurationValueKind.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return integer.ToString(CultureInfo.InvariantCulture);
            case ConfigurationValueKind.Number when TryNumber(text, out var number):
                return number.ToString("R", CultureInfo.InvariantCulture);
            case ConfigurationValueKind.Boolean when bool.TryParse(text, out var flag):
                return flag ? "true" : "false";
            case ConfigurationValueKind.Seconds when TryNumber(text, out var seconds) && Math.Abs(seconds) <= TimeSpan.MaxValue.TotalSeconds / 2:
                return TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
            case ConfigurationValueKind.LogLevel when s_logLevels.TryGetValue(text, out var level):
                return level;
            case ConfigurationValueKind.Environment when s_environments.Contains(text, StringComparer.OrdinalIgnoreCase):
                return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant());
        }
        problem = kind switch
        {
            ConfigurationValueKind.Integer => $"must be a whole number (was \"{raw}\")",
            ConfigurationValueKind.Number => $"must be a number (was \"{raw}\")",
            ConfigurationValueKind.Boolean => $"must be true or false (was \"{raw}\")",
            ConfigurationValueKind.Seconds => $"must be a number of seconds (was \"{raw}\")",
            ConfigurationValueKind.LogLevel => $"must be one of debug, info, warning, error, trace, critical (was \"{raw}\")",
            _ => $"must be one of {string.Join(", ", s_environments)} (was \"{raw}\")",
        };
        return null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
