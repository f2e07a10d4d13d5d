using System.CommandLine;
using QuantumScheduler.Cli.Errors;
using QuantumScheduler.Cli.Rendering;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Solving;
using Spectre.Console;

namespace QuantumScheduler.Cli.Commands;

/// <summary><c>qs solve FILE</c>: solves a problem file in this process through the solver pipeline, no silo.</summary>
internal static class SolveCommand
{
    /// <summary>Always available and quick on every example; the service's strategies choose for themselves.</summary>
    public const string DefaultBackend = "classical-tabu";

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A problem in the JSON problem format (see docs/problem-format.md)." };
        var backend = new Option<string>("--backend", "-b") { Description = "The backend to run.", DefaultValueFactory = _ => DefaultBackend };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the backend may search.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the randomised backends.", DefaultValueFactory = _ => 1 };

        var command = new Command("solve", "Solve a problem file offline, in this process (no cluster, no silo).") { file, backend, timeLimit, seed };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await SolveAsync(context.Console, parseResult.GetRequiredValue(file), parseResult.GetRequiredValue(backend),
                    parseResult.GetValue(timeLimit), parseResult.GetValue(seed), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                return ErrorReporter.Report(context.Console, exception);
            }
        });
        return command;
    }

    private static async Task<int> SolveAsync(IAnsiConsole console, string path, string backendName, double seconds, int seed, CancellationToken cancellationToken)
    {
        if (seconds is <= 0 or > 86_400)
            throw new UsageException($"--time-limit must be between 0 and 86400 seconds (was {seconds}).");
        var registry = BackendRegistry.CreateDefault();
        if (!registry.TryGet(backendName, out var backend))
            throw new UnknownBackendException($"No backend is named \"{backendName}\"; known backends: {string.Join(", ", registry.Names)}.");

        var read = ProblemJsonReader.ReadFile(path);
        if (!read.Succeeded)
            return InvalidProblem(console, path, read.Errors.Select(static error => error.ToString()));

        var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = seed };
        var solution = await console.Status().StartAsync($"solving {Markup.Escape(read.Problem.Name)} on {Markup.Escape(backend.Name)}…", status =>
            new SolverPipeline().SolveAsync(read.Problem, backend, options,
                new Progress<SolveProgress>(progress => status.Status(
                    $"solving on {Markup.Escape(backend.Name)}: best {ResultRenderer.Format(progress.BestObjective)}{(progress.BestIsFeasible ? "" : " (not feasible)")} after {progress.Elapsed.TotalSeconds:0.0} s")),
                cancellationToken)).ConfigureAwait(false);

        switch (solution.Status)
        {
            case SolutionStatus.Invalid:
                return InvalidProblem(console, path, solution.ValidationErrors.Select(static error => error.ToString()));
            case SolutionStatus.Refused or SolutionStatus.Unavailable:
                console.MarkupLine($"[red]{(solution.Status == SolutionStatus.Refused ? "refused" : "unavailable")}:[/] {Markup.Escape(backend.Name)} cannot solve {Markup.Escape(path)}");
                foreach (var reason in solution.RefusalReasons)
                    console.MarkupLine($"  - {Markup.Escape(reason)}");
                return ExitCodes.BadInput;
        }

        ResultRenderer.Write(console, ScheduleView.From(solution, read.Problem));
        if (solution.Diagnosis is { } diagnosis)
        {
            console.MarkupLine($"[yellow]diagnosis:[/] {Markup.Escape(diagnosis.Summary)}");
            foreach (var conflict in diagnosis.Conflicts)
                console.MarkupLine($"  - {Markup.Escape(conflict.ToString())}");
        }
        return solution.IsFeasible ? ExitCodes.Ok : ExitCodes.JobFailed;
    }

    private static int InvalidProblem(IAnsiConsole console, string path, IEnumerable<string> errors)
    {
        console.MarkupLine($"[red]invalid problem:[/] {Markup.Escape(path)}");
        foreach (var error in errors)
            console.MarkupLine($"  - {Markup.Escape(error)}");
        return ExitCodes.BadInput;
    }
}
