using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace QuantumScheduler.Runtime.CodeGenerator.Tests;

/// <summary>Runs the generator over a snippet compiled against the runtime contract, as a consuming project would.</summary>
internal static class GeneratorHarness
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using QuantumScheduler.Runtime;

        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(IGrain).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    public static GeneratorResult Run(string source)
    {
        var code = Usings + source;
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "Snippet.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
                [new GrainCodeGenerator().AsSourceGenerator()],
                parseOptions: (CSharpParseOptions)compilation.SyntaxTrees[0].Options,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorResult(code, diagnostics, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(), driver.GetRunResult())
        {
            Driver = driver,
            Compilation = compilation,
        };
    }
}

internal sealed record GeneratorResult(string Code, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompilationErrors, GeneratorDriverRunResult Run)
{
    public required GeneratorDriver Driver { get; init; }

    /// <summary>The snippet's compilation before generation.</summary>
    public required Compilation Compilation { get; init; }

    public IEnumerable<string> Ids => GeneratorDiagnostics.Select(d => d.Id);

    public string Source(string hintNamePrefix) =>
        Run.Results.Single().GeneratedSources.Single(s => s.HintName.StartsWith(hintNamePrefix, StringComparison.Ordinal)).SourceText.ToString();

    public IEnumerable<string> HintNames => Run.Results.Single().GeneratedSources.Select(s => s.HintName);

    public string Describe() => string.Join(Environment.NewLine, GeneratorDiagnostics.Concat(CompilationErrors).Select(d => d.ToString()));
}
