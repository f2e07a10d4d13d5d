using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Full_command_line_is_read()
    {
        var arguments = BenchCommand.TryParse(
            ["--instances", "a.txt", "dir", "--backend", "cbc-cli", "--time-limit", "2.5", "--threads", "2", "--seed", "7", "--sense", "max", "--optima", "optima.tsv", "--out", "r.tsv"],
            out var errors);

        Assert.Empty(errors);
        Assert.Equal(new BenchArguments(arguments!.Instances, "cbc-cli", TimeSpan.FromSeconds(2.5), 2, 7, ObjectiveSense.Maximize, "optima.tsv", "r.tsv"), arguments);
        Assert.Equal(["a.txt", "dir"], arguments.Instances);
    }

    [Fact]
    public void Defaults_are_one_thread_seed_one_minimise_and_no_optima()
    {
        var arguments = BenchCommand.TryParse(["--instances", "a.txt", "--backend", "classical-mip", "--time-limit", "10", "--out", "r.tsv"], out _);

        Assert.NotNull(arguments);
        Assert.Equal((1, 1, ObjectiveSense.Minimize, (string?)null), (arguments.Threads, arguments.Seed, arguments.Sense, arguments.OptimaFile));
    }

    [Theory]
    [InlineData("--sense", "best", "best")]
    [InlineData("--time-limit", "0", "--time-limit must be a positive number of seconds")]
    [InlineData("--threads", "-1", "--threads must be 0")]
    public void Bad_values_are_reported_by_option(string option, string value, string message)
    {
        string[] valid = ["--instances", "a.txt", "--backend", "classical-mip", "--out", "r.tsv"];
        string[] args = option == "--time-limit" ? [.. valid, option, value] : [.. valid, "--time-limit", "1", option, value];

        Assert.Null(BenchCommand.TryParse(args, out var errors));
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_options_are_named()
    {
        Assert.Null(BenchCommand.TryParse(["--backend", "classical-mip"], out var errors));
        Assert.Contains(errors, e => e.Contains("--instances", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--out", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--time-limit", StringComparison.Ordinal));
    }
}
