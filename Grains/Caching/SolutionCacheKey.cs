using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Caching;

/// <summary>
/// The key of a solution in the cache: a SHA-256 over the problem's canonical JSON and the options that change the
/// answer. The canonical JSON is the parsed model written back by <see cref="ProblemJsonWriter"/>, so two submissions
/// that differ only in key order, whitespace or number spelling (<c>4</c> vs <c>4.0</c>) share a key.
/// </summary>
public static class SolutionCacheKey
{
    /// <param name="problem">The parsed problem.</param>
    /// <param name="strategy">The strategy or backend name the job was submitted with (case-insensitive).</param>
    /// <param name="timeLimit">The per-attempt time limit: a longer search may find a better schedule.</param>
    /// <param name="seed">The solver seed.</param>
    public static string Compute(SchedulingProblem problem, string strategy, TimeSpan timeLimit, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(strategy);
        var text = new StringBuilder()
            .Append(ProblemJsonWriter.Write(problem)).Append('\n')
            .Append(strategy.ToLowerInvariant()).Append('\n')
            .Append(timeLimit.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(seed.ToString(CultureInfo.InvariantCulture))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
