using System.Globalization;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// What one attempt consumed, for the cost ledger: core-seconds are wall time × threads used (the backend's
/// <c>threads</c> detail, else 1); qubit-seconds are wall time × simulated qubits and shots the samples drawn, when the
/// backend reports them in its details (<c>…qubits</c>, <c>…shots</c>).
/// </summary>
public sealed record ResourceUsage(double CoreSeconds, double QubitSeconds, long Shots)
{
    public static ResourceUsage Measure(TimeSpan wallTime, IReadOnlyDictionary<string, string>? details)
    {
        var seconds = Math.Max(0, wallTime.TotalSeconds);
        var threads = Detail(details, "threads") is { } t && t >= 1 ? t : 1;
        var qubits = Detail(details, "qubits") ?? 0;
        var shots = Detail(details, "shots") ?? 0;
        return new ResourceUsage(seconds * threads, seconds * qubits, (long)shots);
    }

    /// <summary>The value of the first detail named <paramref name="name"/> or ending in <c>.name</c>.</summary>
    private static double? Detail(IReadOnlyDictionary<string, string>? details, string name)
    {
        if (details is null)
            return null;
        foreach (var (key, value) in details)
        {
            if ((key.Equals(name, StringComparison.OrdinalIgnoreCase) || key.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                return number;
        }
        return null;
    }
}
