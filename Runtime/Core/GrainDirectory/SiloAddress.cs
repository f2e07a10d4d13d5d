namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>A silo process: its endpoint and its generation (start time), so a restarted process is a new silo.</summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>A new generation number: seconds since 2022-01-01 UTC, as in Orleans.</summary>
    public static long NewGeneration() =>
        (long)(DateTime.UtcNow - new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;

    public override string ToString() => $"{Host}:{Port}@{Generation}";
}
