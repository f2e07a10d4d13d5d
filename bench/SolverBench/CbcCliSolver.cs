using System.ComponentModel;
using System.Diagnostics;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>
/// Debian's <c>cbc</c> command on the very model <c>classical-mip</c> builds (written with <see cref="MipLpFormat"/>),
/// with the parameters the backend uses by default (<see cref="CbcCommandLine"/>: elapsed-time limit, feasibility
/// pump off, seed, threads), so the two can be compared side by side. The process is killed if it overruns the limit by <see cref="KillGrace"/>.
/// </summary>
internal sealed class CbcCliSolver : IInstanceSolver
{
    public const string Name = "cbc-cli";

    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    private readonly string _executable;

    public CbcCliSolver(string executable = "cbc") => _executable = executable;

    string IInstanceSolver.Name => Name;

    public string? Unavailable
    {
        get
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(_executable, ["-quit"]) { RedirectStandardOutput = true, RedirectStandardError = true });
                probe!.WaitForExit();
                return null;
            }
            catch (Win32Exception)
            {
                return $"the \"{_executable}\" command was not found (install coinor-cbc)";
            }
        }
    }

    public async Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("solverbench-cbc-");
        try
        {
            var model = Path.Combine(folder.FullName, "model.lp");
            var solution = Path.Combine(folder.FullName, "solution.txt");
            await using (var writer = File.CreateText(model))
                MipLpFormat.Write(instance, writer);

            var output = await RunAsync(Arguments(model, solution, options), options.TimeLimit + KillGrace, cancellationToken).ConfigureAwait(false);
            return CbcCliSolution.Read(instance, File.Exists(solution) ? await File.ReadAllLinesAsync(solution, cancellationToken).ConfigureAwait(false) : [], output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<string> Arguments(string model, string solution, SolveOptions options)
    {
        var arguments = new List<string> { model };
        // The command keeps its default log: the bound is read from it.
        foreach (var (name, value) in CbcCommandLine.For(options, new ClassicalMipOptions(), options.TimeLimit).Where(p => p.Key is not ("log" or "slog")))
            arguments.AddRange([name, value]);
        arguments.AddRange(["solve", "solu", solution]);
        return arguments;
    }

    /// <summary>Runs cbc and returns its standard output; kills it when it outlives <paramref name="limit"/> or the run is cancelled.</summary>
    private async Task<string> RunAsync(IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(_executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not start {_executable}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return await output.ConfigureAwait(false);
    }
}
