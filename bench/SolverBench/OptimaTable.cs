using System.Globalization;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Known optimal (or best-known) objectives by instance and sense, read from a TSV with a header row.</summary>
internal sealed class OptimaTable
{
    private static readonly string[] Header = ["instance", "sense", "optimal_or_best_known"];

    private readonly Dictionary<(string Instance, string Sense), double> _values;

    private OptimaTable(Dictionary<(string, string), double> values) => _values = values;

    /// <exception cref="FormatException">The file does not have the expected columns; the message names the line.</exception>
    public static OptimaTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').Take(Header.Length).SequenceEqual(Header))
            throw new FormatException($"{path}:1: expected a header starting with {string.Join(", ", Header)}.");
        var values = new Dictionary<(string, string), double>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var fields = lines[i].Split('\t');
            if (fields.Length < 3 || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{path}:{i + 1}: expected instance, sense and a number, got \"{lines[i]}\".");
            values[(fields[0], fields[1])] = value;
        }
        return new OptimaTable(values);
    }

    public double? Find(string instance, string sense) => _values.TryGetValue((instance, sense), out var value) ? value : null;
}
