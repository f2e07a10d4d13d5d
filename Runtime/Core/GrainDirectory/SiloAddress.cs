namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>A silo process: its endpoint and its generation (start time), so a restarted process is a new silo.</summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    private static long s_lastGeneration;

    /// <summary>A new generation number: milliseconds since 2022-01-01 UTC (Orleans counts seconds; milliseconds tell
    /// apart a process restarted within the same second), strictly increasing within a process.</summary>
    public static long NewGeneration()
    {
        var now = (long)(DateTime.UtcNow - new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMilliseconds;
        while (true)
        {
            var last = Interlocked.Read(ref s_lastGeneration);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_lastGeneration, next, last) == last)
                return next;
        }
    }

    public override string ToString() => $"{Host}:{Port}@{Generation}";
}
