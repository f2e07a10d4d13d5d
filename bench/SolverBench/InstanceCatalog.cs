using QuantumScheduler.Solvers.IO;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Expands the <c>--instances</c> arguments into instances, in order.</summary>
internal static class InstanceCatalog
{
    /// <summary>
    /// Files are read as given; folders are searched recursively and their files taken in ordinal path order.
    /// A file named directly must be a GAP file; a file found in a folder that is not one (a README, optima.tsv) is
    /// skipped and reported through <paramref name="skipped"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="GapFormatException">A file named directly is not a valid GAP file.</exception>
    public static IReadOnlyList<BenchInstance> Load(IEnumerable<string> paths, ObjectiveSense sense, Action<string> skipped)
    {
        var instances = new List<BenchInstance>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                instances.AddRange(Read(path, sense));
                continue;
            }
            if (!Directory.Exists(path))
                throw new FileNotFoundException($"--instances: \"{path}\" is neither a file nor a folder.", path);
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                try
                {
                    instances.AddRange(Read(file, sense));
                }
                catch (GapFormatException e)
                {
                    skipped($"{file}: not a GAP file ({e.Message})");
                }
            }
        }
        return instances;
    }

    private static IEnumerable<BenchInstance> Read(string file, ObjectiveSense sense) =>
        GapFileReader.Read(file, sense).Select(problem => new BenchInstance(problem.Name, file, problem));
}
