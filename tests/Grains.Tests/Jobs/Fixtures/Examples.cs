namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>The repository's example problems.</summary>
public static class Examples
{
    public static string Directory { get; } = Find();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "examples");
            if (File.Exists(Path.Combine(candidate, "team-with-skills.json")))
                return candidate;
        }
        throw new DirectoryNotFoundException("The examples directory was not found above " + AppContext.BaseDirectory);
    }
}
