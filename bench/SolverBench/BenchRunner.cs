using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.IO;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Runs the harness: load instances, solve each in turn, check each answer independently, write the TSV, print the summary.</summary>
internal static class BenchRunner
{
    public static Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken) =>
        RunAsync(arguments, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(BenchArguments arguments, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        IInstanceSolver solver;
        IReadOnlyList<BenchInstance> instances;
        OptimaTable? optima;
        try
        {
            solver = SolverFor(arguments.Backend);
            instances = InstanceCatalog.Load(arguments.Instances, arguments.Sense, skipped => output.WriteLine($"skipped {skipped}"));
            optima = arguments.OptimaFile is { } file ? OptimaTable.Read(file) : null;
        }
        catch (Exception e) when (e is KeyNotFoundException or FileNotFoundException or GapFormatException or FormatException or IOException)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
        if (solver.Unavailable is { } reason)
        {
            errors.WriteLine($"error: {solver.Name} is unavailable: {reason}");
            return 3;
        }
        if (instances.Count == 0)
        {
            errors.WriteLine("error: --instances named no GAP instance");
            return 2;
        }

        var options = new SolveOptions { TimeLimit = arguments.TimeLimit, Threads = arguments.Threads, Seed = arguments.Seed };
        var sense = BenchCommand.SenseName(arguments.Sense);
        output.WriteLine($"{solver.Name}: {instances.Count} instance(s), {arguments.TimeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s each, {arguments.Threads} thread(s), seed {arguments.Seed}, {sense}imise; load average {LoadAverage()}");
        var run = Stopwatch.StartNew();
        var rows = new List<BenchRow>(instances.Count);
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            output.Write($"[{i + 1}/{instances.Count}] {instance.Name} (elapsed {run.Elapsed.TotalSeconds:0}s) ... ");
            var row = await SolveAsync(solver, instance, options, optima?.Find(instance.Name, sense), cancellationToken).ConfigureAwait(false);
            rows.Add(row);
            output.WriteLine(Describe(row));
        }

        await using (var writer = File.CreateText(arguments.OutputFile))
            TsvReport.Write(writer, rows, withOptima: optima is not null);
        output.WriteLine();
        SetSummary.Print(output, SetSummary.Of(rows), withOptima: optima is not null);
        output.WriteLine($"wrote {arguments.OutputFile} ({rows.Count} rows) in {run.Elapsed.TotalSeconds:0.0} s; load average {LoadAverage()}");
        return 0;
    }

    /// <summary>A registered backend by name, or the cbc command.</summary>
    /// <exception cref="KeyNotFoundException">The name is neither; the message lists the known names.</exception>
    public static IInstanceSolver SolverFor(string name)
    {
        if (string.Equals(name, CbcCliSolver.Name, StringComparison.OrdinalIgnoreCase))
            return new CbcCliSolver();
        var registry = BackendRegistry.CreateDefault();
        return registry.TryGet(name, out var backend)
            ? new BackendSolver(backend)
            : throw new KeyNotFoundException($"--backend: unknown backend \"{name}\"; known: {string.Join(", ", registry.Names)}, {CbcCliSolver.Name}");
    }

    private static async Task<BenchRow> SolveAsync(IInstanceSolver solver, BenchInstance bench, SolveOptions options, double? optimum, CancellationToken cancellationToken)
    {
        var instance = ProblemInstance.Compile(bench.Problem);
        var clock = Stopwatch.StartNew();
        BackendResult result;
        try
        {
            result = await solver.SolveAsync(instance, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            return new BenchRow(bench.Name, bench.Set, solver.Name, null, false, clock.Elapsed.TotalSeconds, null, null, null, e.Message);
        }
        var seconds = clock.Elapsed.TotalSeconds;

        if (result.AgentOfTask.All(a => a < 0))
            return new BenchRow(bench.Name, bench.Set, solver.Name, null, false, seconds, result.Bound, null, result.Termination, null);
        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        double? gap = check.IsFeasible && optimum is { } best ? Gap(check.Objective, best, instance.Sense) : null;
        return new BenchRow(bench.Name, bench.Set, solver.Name, check.Objective, check.IsFeasible, seconds, result.Bound, gap, result.Termination, null);
    }

    /// <summary>Percent by which <paramref name="objective"/> is worse than <paramref name="optimum"/> in <paramref name="sense"/>.</summary>
    public static double Gap(double objective, double optimum, ObjectiveSense sense)
    {
        var worse = sense == ObjectiveSense.Maximize ? optimum - objective : objective - optimum;
        return 100 * worse / Math.Max(Math.Abs(optimum), 1e-9);
    }

    private static string Describe(BenchRow row) =>
        row.Error is { } error
            ? $"error: {error}"
            : string.Create(CultureInfo.InvariantCulture, $"{(row.Objective is { } o ? $"objective {o}" : "no solution")}, {(row.Feasible ? "feasible" : "infeasible")}, {row.Termination}, bound {(row.Bound is { } b ? b.ToString("0.##", CultureInfo.InvariantCulture) : "-")}{(row.GapToOptimum is { } g ? $", gap {g:0.000}%" : string.Empty)}, {row.Seconds:0.00} s");

    /// <summary>The machine's 1-minute load average (the machine is shared; it is noted with the figures).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
