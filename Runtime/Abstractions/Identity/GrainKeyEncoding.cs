using System.Globalization;

namespace QuantumScheduler.Runtime;

/// <summary>Encodes and decodes grain keys exactly as Orleans does, so ids stay readable and portable.</summary>
public static class GrainKeyEncoding
{
    public static string Encode(string key) => key;
    public static string Encode(long key) => key.ToString("X", CultureInfo.InvariantCulture);
    public static string Encode(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);
    public static string Encode(long key, string extension) => Encode(key) + "+" + extension;
    public static string Encode(Guid key, string extension) => Encode(key) + "+" + extension;

    public static long DecodeLong(string key, out string? extension)
    {
        var primary = Split(key, out extension);
        return long.Parse(primary, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public static Guid DecodeGuid(string key, out string? extension)
    {
        var primary = Split(key, out extension);
        return Guid.ParseExact(primary, "N");
    }

    private static string Split(string key, out string? extension)
    {
        var plus = key.IndexOf('+');
        if (plus < 0)
        {
            extension = null;
            return key;
        }
        extension = key[(plus + 1)..];
        return key[..plus];
    }
}
