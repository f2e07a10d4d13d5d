using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Retry;

/// <summary>
/// The delay before retrying a failed attempt on the same backend, per <see cref="RetryPolicyOptions"/>: the nominal
/// delay grows with the retry number (<c>exponential</c>: base × 2^(n−1); <c>linear</c>: base × n; <c>constant</c>:
/// base), is capped at <see cref="RetryPolicyOptions.MaxDelay"/>, and is then drawn uniformly from [0, nominal]
/// ("full jitter", AWS Architecture Blog) so that jobs failing together do not retry together.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The strategies <see cref="RetryPolicyOptions.BackoffStrategy"/> accepts.</summary>
    public static IReadOnlyList<string> Strategies { get; } = ["exponential", "linear", "constant"];

    /// <summary>The upper bound of the delay before retry number <paramref name="retry"/> (1 = the first retry).</summary>
    public static TimeSpan NominalDelay(RetryPolicyOptions policy, int retry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var factor = policy.BackoffStrategy.ToLowerInvariant() switch
        {
            "linear" => retry,
            "constant" => 1.0,
            _ => Math.Pow(2, Math.Min(retry - 1, 62)),
        };
        var ticks = Math.Min(policy.BaseDelay.Ticks * factor, policy.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The jittered delay before retry number <paramref name="retry"/>; <paramref name="random"/> supplies the draw.</summary>
    public static TimeSpan Delay(RetryPolicyOptions policy, int retry, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return TimeSpan.FromTicks((long)(NominalDelay(policy, retry).Ticks * random.NextDouble()));
    }
}
