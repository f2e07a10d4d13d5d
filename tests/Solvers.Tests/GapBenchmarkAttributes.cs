namespace QuantumScheduler.Solvers.Tests;

/// <summary>A fact that reads the shared GAP benchmark files; skipped, with the reason, where they are not present.</summary>
internal sealed class GapBenchmarkFactAttribute : FactAttribute
{
    public GapBenchmarkFactAttribute()
    {
        if (!Directory.Exists(TestPaths.GapBenchmarks))
            Skip = $"GAP benchmark files not found at {TestPaths.GapBenchmarks} (set QS_GAP_BENCHMARKS)";
    }
}

/// <summary>A theory that reads the shared GAP benchmark files; skipped, with the reason, where they are not present.</summary>
internal sealed class GapBenchmarkTheoryAttribute : TheoryAttribute
{
    public GapBenchmarkTheoryAttribute()
    {
        if (!Directory.Exists(TestPaths.GapBenchmarks))
            Skip = $"GAP benchmark files not found at {TestPaths.GapBenchmarks} (set QS_GAP_BENCHMARKS)";
    }
}
