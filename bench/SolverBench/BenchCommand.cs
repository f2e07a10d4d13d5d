using System.CommandLine;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>The harness's command line (keep it stable: operators script against it).</summary>
internal static class BenchCommand
{
    private static readonly Option<string[]> Instances = new("--instances")
    {
        Description = "GAP instance files or folders (folders are read recursively in file-name order)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Backend = new("--backend")
    {
        Description = $"Backend name (e.g. classical-mip, classical-tabu) or {CbcCliSolver.Name} for Debian's cbc command",
        Required = true,
    };

    private static readonly Option<double> TimeLimit = new("--time-limit")
    {
        Description = "Seconds per instance",
        Required = true,
    };

    private static readonly Option<int> Threads = new("--threads")
    {
        Description = "Threads per solve (0 = all cores)",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed per solve",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string> Sense = new("--sense")
    {
        Description = "Objective sense the instances are read with: min or max",
        DefaultValueFactory = _ => "min",
    };

    private static readonly Option<string?> Optima = new("--optima")
    {
        Description = "optima.tsv (instance, sense, value, status) to report the gap to the optimum",
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "TSV file to write, one row per instance",
        Required = true,
    };

    static BenchCommand()
    {
        Sense.AcceptOnlyFromAmong("min", "max");
        TimeLimit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and < 1e7))
                result.AddError("--time-limit must be a positive number of seconds");
        });
        Threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
                result.AddError("--threads must be 0 (all cores) or more");
        });
    }

    /// <summary>The root command; <paramref name="run"/> receives the parsed arguments and returns the exit code.</summary>
    public static RootCommand Create(Func<BenchArguments, CancellationToken, Task<int>> run)
    {
        var command = new RootCommand("Solver-quality harness: solves GAP instances with one backend and writes a TSV of objective, feasibility, time and bound.")
        {
            Instances, Backend, TimeLimit, Threads, Seed, Sense, Optima, Out,
        };
        command.SetAction((result, cancellationToken) => run(Read(result), cancellationToken));
        return command;
    }

    /// <summary>Parses arguments; null with the errors when they are not valid.</summary>
    public static BenchArguments? TryParse(string[] args, out IReadOnlyList<string> errors)
    {
        var result = Create((_, _) => Task.FromResult(0)).Parse(args);
        errors = result.Errors.Select(e => e.Message).ToList();
        return errors.Count == 0 ? Read(result) : null;
    }

    private static BenchArguments Read(ParseResult result) => new(
        result.GetValue(Instances)!,
        result.GetValue(Backend)!,
        TimeSpan.FromSeconds(result.GetValue(TimeLimit)),
        result.GetValue(Threads),
        result.GetValue(Seed),
        result.GetValue(Sense) == "max" ? ObjectiveSense.Maximize : ObjectiveSense.Minimize,
        result.GetValue(Optima),
        result.GetValue(Out)!);

    /// <summary>The sense as optima.tsv spells it.</summary>
    public static string SenseName(ObjectiveSense sense) => sense == ObjectiveSense.Maximize ? "max" : "min";
}
