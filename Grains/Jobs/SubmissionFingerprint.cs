using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// A hash of what a submission asks for (problem text, tenant, backend, time limit, seed, cache use, quality target;
/// not its labels), so a repeated submit of the same request is recognised and a different one under the same job id
/// is refused as a conflict.
/// </summary>
public static class SubmissionFingerprint
{
    public static string Compute(JobSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var text = string.Join('\u001f',
            submission.ProblemJson,
            submission.Tenant,
            submission.ClientRequestId ?? "",
            submission.Backend?.ToLowerInvariant() ?? "",
            submission.TimeLimit.Ticks.ToString(CultureInfo.InvariantCulture),
            submission.Seed.ToString(CultureInfo.InvariantCulture),
            submission.UseCache ? "cache" : "no-cache",
            submission.QualityTarget?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
