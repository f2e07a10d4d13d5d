namespace QuantumScheduler.Solvers.Tests;

/// <summary>Locates the shared benchmark files and the repository's examples from the test output folder.</summary>
internal static class TestPaths
{
    /// <summary>
    /// The shared GAP benchmark folder, which lives outside the repository: $QS_GAP_BENCHMARKS, else
    /// ../shared/benchmarks/gap beside the repository, else the team machines' /work/shared copy.
    /// </summary>
    public static string GapBenchmarks =>
        Environment.GetEnvironmentVariable("QS_GAP_BENCHMARKS")
        ?? new[] { Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "benchmarks", "gap")), "/work/shared/benchmarks/gap" }.FirstOrDefault(Directory.Exists)
        ?? "/work/shared/benchmarks/gap";

    /// <summary>The repository root: the nearest ancestor holding global.json.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Examples => Path.Combine(RepositoryRoot, "examples");
}
