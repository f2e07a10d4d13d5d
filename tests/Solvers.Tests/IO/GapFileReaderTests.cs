using QuantumScheduler.Solvers.IO;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.Tests.IO;

public sealed class GapFileReaderTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("gap-reader-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    // OR-Library's published sizes: gap1..gap4 are 5 agents × 15/20/25/30 jobs, gap5 and gap6 8 × 24/32.
    [GapBenchmarkTheory]
    [InlineData(1, 5, 15)]
    [InlineData(2, 5, 20)]
    [InlineData(3, 5, 25)]
    [InlineData(4, 5, 30)]
    [InlineData(5, 8, 24)]
    [InlineData(6, 8, 32)]
    public void Reads_every_instance_of_an_orlibrary_file(int file, int agents, int tasks)
    {
        var problems = GapFileReader.Read(Path.Combine(TestPaths.GapBenchmarks, "orlib", $"gap{file}.txt"), ObjectiveSense.Maximize);

        Assert.Equal(5, problems.Count);
        for (var p = 0; p < problems.Count; p++)
        {
            var problem = problems[p];
            Assert.Equal($"gap{file}-{p + 1}", problem.Name);
            Assert.Equal(agents, problem.Agents.Count);
            Assert.Equal(tasks, problem.Tasks.Count);
            Assert.Equal(agents * tasks, problem.Overrides.Count);
            Assert.Equal(ObjectiveSense.Maximize, problem.Objective.Sense);
            Assert.Equal(ObjectiveKind.TotalCost, problem.Objective.Kind);
            Assert.Empty(ProblemValidator.Validate(problem));
        }
    }

    [GapBenchmarkFact]
    public void Every_yagiura_file_is_one_instance_sized_as_its_name_says()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.GapBenchmarks, "yagiura"));
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var problem = Assert.Single(GapFileReader.Read(file, ObjectiveSense.Minimize));

            Assert.Equal(name, problem.Name);
            Assert.Equal(int.Parse(name[1..3]), problem.Agents.Count);
            Assert.Equal(int.Parse(name[3..]), problem.Tasks.Count);
            Assert.Equal(ObjectiveSense.Minimize, problem.Objective.Sense);
        }
    }

    [GapBenchmarkFact]
    public void Every_instance_named_in_the_optima_table_is_read()
    {
        var names = Directory.GetFiles(TestPaths.GapBenchmarks, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != TestPaths.GapBenchmarks)
            .SelectMany(f => GapFileReader.Read(f, ObjectiveSense.Minimize))
            .Select(p => p.Name)
            .ToHashSet();
        var listed = File.ReadLines(Path.Combine(TestPaths.GapBenchmarks, "optima.tsv")).Skip(1).Select(l => l.Split('\t')[0]).Distinct().ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, name => Assert.Contains(name, names));
    }

    [Fact]
    public void Maps_costs_loads_and_capacities_to_the_model()
    {
        // 2 agents, 3 tasks: costs row by row, then resources, then capacities.
        var path = Write("tiny", "2 3\n 1 2 3\n 4 5 6\n 7 8 9\n 10 11 12\n 20 30\n");

        var problem = Assert.Single(GapFileReader.Read(path, ObjectiveSense.Minimize));
        var instance = ProblemInstance.Compile(problem);

        Assert.Equal("tiny", problem.Name);
        Assert.Equal([20.0, 30.0], instance.Capacity);
        Assert.Equal(2, instance.Cost(1, 0));   // c[1][2]
        Assert.Equal(6, instance.Cost(2, 1));   // c[2][3]
        Assert.Equal(8, instance.Load(1, 0));   // r[1][2]
        Assert.Equal(12, instance.Load(2, 1));  // r[2][3]
        Assert.All(Enumerable.Range(0, 3), t => Assert.Equal([0, 1], instance.EligibleAgents[t]));
    }

    [Fact]
    public void A_multi_instance_file_names_instances_after_the_file()
    {
        var path = Write("gap42.txt", "2\n1 1 5 3 4\n1 2 1 1 2 2 10\n");

        var problems = GapFileReader.Read(path, ObjectiveSense.Maximize);

        Assert.Equal(["gap42-1", "gap42-2"], problems.Select(p => p.Name));
        Assert.Equal(2, problems[1].Tasks.Count);
    }

    [Theory]
    [InlineData("1\n2 2 1 2 3 x 1 1 1 1 5 5", "token 7 (line 2): expected cost c[2][2] of instance 1 (an integer), found \"x\"")]
    [InlineData("1\n2 2 1 2 3 4 1 1 1 1 5", "token 3 (line 2): instance 1: 2 agents × 2 tasks (two 2×2 matrices and 2 capacities) need 10 more numbers, but only 9 remain")]
    [InlineData("2\n1 1 5 3 4", "token 7: unexpected end of file; expected the number of agents m of instance 2")]
    [InlineData("1\n1 1 1 1 5 7 7", "token 7 (line 2): expected the end of the file after 1 instance(s), found \"7\" (2 extra token(s))")]
    [InlineData("1\n1 1 1 -1 5", "token 5 (line 2): expected resource r[1][1] of instance 1 ≥ 0, found -1")]
    [InlineData("  \n", "token 1: the file is empty")]
    [InlineData("1\n100000 100000 1 2 3", "token 3 (line 2): instance 1: 100000 agents × 100000 tasks (two 100000×100000 matrices and 100000 capacities) need 20000100000 more numbers, but only 3 remain")]
    public void A_malformed_file_is_an_error_naming_file_token_and_expectation(string content, string expected)
    {
        var path = Write("bad.txt", content);

        var error = Assert.Throws<GapFormatException>(() => GapFileReader.Read(path, ObjectiveSense.Minimize));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, content);
        return path;
    }
}
