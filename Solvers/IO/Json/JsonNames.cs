using System.Text.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>The camelCase names of the model's enums in the JSON format, both ways.</summary>
internal static class JsonNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of);

    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }

    public const string Hard = "hard";
    public const string Soft = "soft";

    public static string Of(ConstraintLevel level) => level.IsHard ? Hard : Soft;
}
