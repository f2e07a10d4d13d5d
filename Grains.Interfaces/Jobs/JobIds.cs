using System.Security.Cryptography;
using System.Text;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>How job ids are made, so every client makes the same id for the same idempotent request.</summary>
public static class JobIds
{
    /// <summary>A fresh id for a submit without a client request id.</summary>
    public static string New() => "job-" + Guid.NewGuid().ToString("N");

    /// <summary>The id of the job for <paramref name="clientRequestId"/> within <paramref name="tenant"/>: the same
    /// pair always names the same job, which makes submit idempotent across clients and retries.</summary>
    public static string ForClientRequest(string tenant, string clientRequestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(tenant + "\n" + clientRequestId));
        return "req-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
