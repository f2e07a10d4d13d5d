using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench.Tests;

/// <summary>End-to-end runs of the harness on tiny GAP files written per test.</summary>
public sealed class BenchRunnerTests : IDisposable
{
    // Two agents, three jobs, each agent holds two: minimum 5 (jobs 1, 2 on agent 1), maximum 12 (job 3 on agent 1).
    private const string TinyGap = """
        2 3
        1 2 5
        4 3 2
        2 2 2
        2 2 2
        4 4
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("solverbench-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("classical-mip")]
    [InlineData("cbc-cli")]
    public async Task One_small_instance_gives_a_header_and_one_checked_row(string backend)
    {
        var instances = Directory.CreateDirectory(Path.Combine(_folder.FullName, "instances"));
        File.WriteAllText(Path.Combine(instances.FullName, "t02003"), TinyGap);
        File.WriteAllText(Path.Combine(instances.FullName, "README.md"), "not an instance");
        var optima = Write("optima.tsv", "instance\tsense\toptimal_or_best_known\tstatus\nt02003\tmin\t5\toptimal\nt02003\tmax\t12\toptimal\n");
        var tsv = Path.Combine(_folder.FullName, "out.tsv");
        var output = new StringWriter();

        var exit = await BenchRunner.RunAsync(
            new BenchArguments([instances.FullName], backend, TimeSpan.FromSeconds(10), 1, 1, ObjectiveSense.Minimize, optima, tsv),
            output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(tsv);
        Assert.Equal("instance\tbackend\tobjective\tfeasible\tseconds\tbound\tgap_to_optimum", lines[0]);
        var row = lines[1].Split('\t');
        Assert.Equal(2, lines.Length);
        Assert.Equal(["t02003", backend, "5", "true"], row[..4]);
        Assert.Equal(["5", "0.0000"], row[5..]);
        Assert.Contains("skipped", output.ToString());
        Assert.Contains("t  ", output.ToString()); // the per-set summary names set "t"
    }

    [Fact]
    public async Task Max_sense_matches_optima_by_sense_and_omits_the_gap_column_without_optima()
    {
        var file = Write("t02003", TinyGap);
        var tsv = Path.Combine(_folder.FullName, "out.tsv");

        var exit = await BenchRunner.RunAsync(
            new BenchArguments([file], "classical-mip", TimeSpan.FromSeconds(10), 1, 1, ObjectiveSense.Maximize, null, tsv),
            new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(tsv);
        Assert.Equal("instance\tbackend\tobjective\tfeasible\tseconds\tbound", lines[0]);
        Assert.Equal(["t02003", "classical-mip", "12", "true"], lines[1].Split('\t')[..4]);
    }

    [Fact]
    public async Task Or_library_files_yield_one_row_per_instance_named_gapK_p()
    {
        var file = Write("gap9.txt", "2\n" + TinyGap + "\n" + TinyGap);
        var tsv = Path.Combine(_folder.FullName, "out.tsv");

        await BenchRunner.RunAsync(
            new BenchArguments([file], "classical-mip", TimeSpan.FromSeconds(10), 1, 1, ObjectiveSense.Minimize, null, tsv),
            new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.Equal(["gap9-1", "gap9-2"], File.ReadAllLines(tsv).Skip(1).Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public async Task Unknown_backend_and_missing_files_are_errors_naming_them()
    {
        var errors = new StringWriter();

        var exit = await BenchRunner.RunAsync(
            new BenchArguments([Path.Combine(_folder.FullName, "nowhere")], "classical-mip", TimeSpan.FromSeconds(1), 1, 1, ObjectiveSense.Minimize, null, "x.tsv"),
            new StringWriter(), errors, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains("nowhere\" is neither a file nor a folder", errors.ToString());

        Assert.Throws<KeyNotFoundException>(() => BenchRunner.SolverFor("gurobi"));
    }

    [Theory]
    [InlineData("gap3-2", "gap3")]
    [InlineData("d20100", "d")]
    [InlineData("e15900", "e")]
    [InlineData("12345", "12345")]
    public void Sets_are_named_by_prefix(string instance, string set)
    {
        Assert.Equal(set, new BenchInstance(instance, "f", new SchedulingProblem()).Set);
    }

    [Theory]
    [InlineData(101, 100, ObjectiveSense.Minimize, 1)]
    [InlineData(99, 100, ObjectiveSense.Maximize, 1)]
    [InlineData(99, 100, ObjectiveSense.Minimize, -1)]
    public void Gap_is_percent_worse_in_the_instance_sense(double objective, double optimum, ObjectiveSense sense, double gap)
    {
        Assert.Equal(gap, BenchRunner.Gap(objective, optimum, sense), 9);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
