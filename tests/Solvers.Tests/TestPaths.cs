namespace QuantumScheduler.Solvers.Tests;

/// <summary>Locates the shared benchmark files and the repository's examples from the test output folder.</summary>
internal static class TestPaths
{
    /// <summary>The shared GAP benchmark folder (outside the repository, on the team's machines and CI).</summary>
    public static string GapBenchmarks => Environment.GetEnvironmentVariable("QS_GAP_BENCHMARKS") ?? "/work/shared/benchmarks/gap";

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
