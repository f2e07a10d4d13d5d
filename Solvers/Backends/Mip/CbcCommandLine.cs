using System.Globalization;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// The CBC parameters <c>classical-mip</c> passes for a solve (<c>Cbc_setParameter</c> takes the names of CBC's
/// command line), in order. Public so that a run of Debian's <c>cbc</c> command can use exactly the same settings.
/// </summary>
public static class CbcCommandLine
{
    /// <summary>The name/value pairs for one solve with <paramref name="timeLimit"/> left.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(SolveOptions options, ClassicalMipOptions mipOptions, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mipOptions);
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        // CBC reads seed 0 as "take one from the clock"; keep every user seed reproducible.
        var seed = Format((int)((uint)options.Seed % int.MaxValue) + 1);
        // CBC 2.10 delivers no messages to the callback at solver log level 0, and prints every message it delivers.
        var solverLog = CbcSearchMonitor.IsNeeded(options.TargetObjective, options.UnimprovedTimeLimit) ? Math.Max(1, mipOptions.LogLevel) : mipOptions.LogLevel;
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("log", Format(mipOptions.LogLevel)),
            new("slog", Format(solverLog)),
            new("timeMode", "elapsed"),
            new("sec", Format(Math.Clamp(timeLimit.TotalSeconds, 0, 1e9))),
            new("randomSeed", seed),
            new("randomCbcSeed", seed),
            new("feas", mipOptions.FeasibilityPump ? "on" : "off"),
        };
        if (options.TargetGap is { } gap)
            parameters.Add(new("ratioGap", Format(gap)));
        if (threads > 1)
            parameters.Add(new("threads", Format(threads)));
        parameters.AddRange(mipOptions.ExtraParameters);
        return parameters;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
