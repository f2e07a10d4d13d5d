namespace QuantumScheduler.Bench.Simulator;

/// <summary>Command line: which sizes and thread counts to run.</summary>
internal sealed record BenchOptions(int[] Qubits, int[] Threads, int[] SingleQubits, int MixerMaxQubits)
{
    public static BenchOptions Parse(string[] args)
    {
        var qubits = new[] { 20, 24, 26, 28 };
        var threads = new[] { 1, 2 };
        var single = new[] { 24, 26 };
        var mixerMax = 26;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--qubits": qubits = List(value); break;
                case "--threads": threads = List(value); break;
                case "--single-qubits": single = List(value); break;
                case "--mixer-max": mixerMax = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}; use --qubits, --threads, --single-qubits, --mixer-max.");
            }

            i++;
        }

        return new BenchOptions(qubits, threads, single, mixerMax);
    }

    /// <summary>Timed runs per measurement: more for small states, whose passes are short and noisier.</summary>
    public static int Runs(int qubits) => qubits switch
    {
        <= 20 => 20,
        <= 24 => 7,
        <= 26 => 5,
        _ => 3,
    };

    private static int[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
