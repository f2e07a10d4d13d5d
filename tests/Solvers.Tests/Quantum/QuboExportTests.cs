using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Export;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class QuboExportTests
{
    [Fact]
    public void Export_then_import_gives_back_the_same_model_names_and_meanings()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(31, 5, 3, pin: true));
        var qubo = QuboFormulator.Formulate(instance);

        var json = QuboJson.Serialize(qubo);
        var document = QuboJson.Parse(json);
        var model = QuboJson.ToModel(document);

        Assert.Equal(qubo.Model.Linear, model.Linear);
        Assert.Equal(qubo.Model.Terms, model.Terms);
        Assert.Equal(qubo.Model.Offset, model.Offset);
        Assert.Equal(qubo.Variables.Select(v => v.Name), document.Variables.Select(v => v.Name));
        Assert.Contains(document.Variables, v => v.Name == "x[t1,a0]" && v.Task == "T1" && v.Agent == "A0" && v.Kind == "assignment");
        Assert.Contains(document.Variables, v => v.Name.StartsWith("s[a", StringComparison.Ordinal) && v.Kind == "slack" && v.Weight > 0);
        Assert.Equal(qubo.Report.SlackBits, document.Report!.SlackBits);
        Assert.Equal(qubo.Report.TaskPenalties, document.Report.TaskPenalties);
        Assert.Equal(json, QuboJson.Serialize(qubo)); // deterministic output
    }

    [Fact]
    public void An_unknown_variable_is_reported_with_its_place()
    {
        const string json = """
            { "format": "quantumscheduler.qubo/1", "variables": [ { "name": "a" }, { "name": "b" } ],
              "linear": { "a": 1 }, "quadratic": [ { "u": "a", "v": "b", "bias": 2 }, { "u": "a", "v": "c", "bias": 1 } ], "offset": 0 }
            """;
        var error = Assert.Throws<FormatException>(() => QuboJson.ToModel(QuboJson.Parse(json)));
        Assert.Contains("quadratic[1].v", error.Message);
        Assert.Contains("\"c\"", error.Message);
    }

    [Fact]
    public void A_foreign_format_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => QuboJson.Parse("""{ "format": "other/2", "variables": [], "linear": {}, "quadratic": [] }"""));
        Assert.Contains("other/2", error.Message);
    }

    [Fact]
    public void A_handwritten_BQM_like_file_imports()
    {
        const string json = """
            { "format": "quantumscheduler.qubo/1", "variables": [ { "name": "p" }, { "name": "q" } ],
              "linear": { "p": -1, "q": -1 }, "quadratic": [ { "u": "q", "v": "p", "bias": 2 } ], "offset": 1 }
            """;
        var model = QuboJson.ToModel(QuboJson.Parse(json));
        Assert.Equal([1.0, 0, 0, 1], model.DiagonalCosts()); // (p + q − 1)²
    }
}
