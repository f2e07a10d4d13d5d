using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace QuantumScheduler.Runtime.CodeGenerator.Tests;

/// <summary>Editing code that has nothing to do with grains must not regenerate anything.</summary>
public class IncrementalTests
{
    [Fact]
    public void Unrelated_edit_leaves_every_output_cached()
    {
        var first = GeneratorHarness.Run("""
            public interface ISampleGrain : IGrainWithStringKey { Task<int> Count(); }
            [GenerateSerializer] public sealed class Sample { [Id(0)] public int Value { get; set; } }
            """);
        var driver = first.Driver;
        var compilation = first.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Answer() => 42; }", new CSharpParseOptions(LanguageVersion.Latest)));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Relevant_edit_regenerates()
    {
        var first = GeneratorHarness.Run("[GenerateSerializer] public sealed class Sample { [Id(0)] public int Value { get; set; } }");
        var compilation = first.Compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("[QuantumScheduler.Runtime.GenerateSerializer] public sealed class Added { [QuantumScheduler.Runtime.Id(0)] public int Value { get; set; } }", new CSharpParseOptions(LanguageVersion.Latest)));

        var result = first.Driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Codec_Added.g.cs");
    }
}
