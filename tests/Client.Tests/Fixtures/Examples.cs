namespace QuantumScheduler.Client.Tests.Fixtures;

/// <summary>The repository's examples/ directory, found from the test's output directory.</summary>
public static class Examples
{
    // Declared first: static initialisers run in order.
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "examples");

    public static IReadOnlyList<string> Files { get; } = System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal).ToList();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QuantumScheduler.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No QuantumScheduler.sln above {AppContext.BaseDirectory}.");
    }
}
