namespace QuantumScheduler.Bench.Simulator;

/// <summary>Command line: which sizes and thread counts to run, and how often to repeat each measurement.</summary>
internal sealed record BenchOptions(int[] Qubits, int[] Threads, int[] SingleQubits, int MixerMaxQubits, int? RunsOverride, bool Layers)
{
    public static BenchOptions Parse(string[] args)
    {
        var qubits = new[] { 24, 26, 28 };
        var threads = new[] { 1, 2 };
        var single = new[] { 24, 26 };
        var mixerMax = 26;
        int? runs = null;
        var layers = true;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--qubits": qubits = List(value); break;
                case "--threads": threads = List(value); break;
                case "--single-qubits": single = List(value); break;
                case "--mixer-max": mixerMax = Number(value); break;
                case "--runs": runs = Number(value) is >= 1 and var r ? r : throw new ArgumentException("--runs must be at least 1."); break;
                case "--layers": layers = bool.Parse(value); break;
                default: throw new ArgumentException($"Unknown option {args[i]}; use --qubits, --threads, --single-qubits, --mixer-max, --runs, --layers.");
            }

            i++;
        }

        return new BenchOptions(qubits, threads, single, mixerMax, runs, layers);
    }

    /// <summary>Timed runs per measurement (the median is reported): more for small states, whose passes are short and noisier.</summary>
    public int Runs(int qubits) => RunsOverride ?? qubits switch
    {
        <= 20 => 15,
        <= 24 => 7,
        <= 26 => 5,
        _ => 3,
    };

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static int[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray();
}
