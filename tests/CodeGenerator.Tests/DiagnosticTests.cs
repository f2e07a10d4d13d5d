using Xunit;

namespace QuantumScheduler.Runtime.CodeGenerator.Tests;

/// <summary>Every diagnostic appears on a bad snippet, at the offending symbol, and not on the corrected one.</summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("QS0001", "int Count();", "Task<int> Count();")]
    [InlineData("QS0001", "void Poke();", "ValueTask Poke();")]
    [InlineData("QS0001", "IAsyncEnumerable<int> Stream();", "Task<List<int>> Stream();")]
    [InlineData("QS0002", "Task<T> Get<T>();", "Task<object> Get();")]
    [InlineData("QS0003", "Task Update(ref int value);", "Task Update(int value);")]
    [InlineData("QS0003", "Task Update(out int value);", "Task Update(int value);")]
    [InlineData("QS0003", "Task Update(in int value);", "Task Update(int value);")]
    [InlineData("QS0004", "Task Run(CancellationToken token, int value);", "Task Run(int value, CancellationToken token);")]
    [InlineData("QS0004", "Task Run(CancellationToken first, CancellationToken second);", "Task Run(CancellationToken token);")]
    [InlineData("QS0005", "Task Store(System.IO.Stream data);", "Task Store(byte[] data);")]
    [InlineData("QS0005", "Task<Plain> Load();", "Task<Tagged> Load();")]
    [InlineData("QS0005", "Task Store(List<Plain> items);", "Task Store(List<Tagged> items);")]
    [InlineData("QS0005", "Task Store(Func<int> callback);", "Task Store(int value);")]
    [InlineData("QS0007", "[OneWay] Task<int> Fire();", "[OneWay] Task Fire();")]
    [InlineData("QS0008", "[ResponseTimeout(\"soon\")] Task Slow();", "[ResponseTimeout(\"00:01:00\")] Task Slow();")]
    [InlineData("QS0012", "int Count { get; }", "Task<int> Count();")]
    [InlineData("QS0012", "event Action Changed;", "Task Changed();")]
    [InlineData("QS0012", "static abstract Task Create();", "Task Create();")]
    public void Grain_interface_member(string id, string bad, string good)
    {
        const string template = """
            public sealed class Plain { public int Value { get; set; } }

            [GenerateSerializer]
            public sealed class Tagged { [Id(0)] public int Value { get; set; } }

            public interface ISampleGrain : IGrainWithStringKey
            {
                MEMBER
            }
            """;

        var badResult = GeneratorHarness.Run(template.Replace("MEMBER", bad));
        var goodResult = GeneratorHarness.Run(template.Replace("MEMBER", good));

        var diagnostic = Assert.Single(badResult.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal("Snippet.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("ISampleGrain", diagnostic.GetMessage() + badResult.Describe());
        Assert.Empty(goodResult.GeneratorDiagnostics);
        Assert.True(goodResult.CompilationErrors.IsEmpty, goodResult.Describe());
    }

    [Fact]
    public void Members_inherited_from_a_non_grain_interface_are_reported()
    {
        var bad = GeneratorHarness.Run("public interface ISampleGrain : IGrainWithStringKey, IDisposable { Task Ping(); }");
        var good = GeneratorHarness.Run("public interface ISampleGrain : IGrainWithStringKey { Task Ping(); }");

        var diagnostic = Assert.Single(bad.GeneratorDiagnostics);
        Assert.Equal("QS0013", diagnostic.Id);
        Assert.Contains("System.IDisposable", diagnostic.GetMessage());
        Assert.True(bad.CompilationErrors.IsEmpty, bad.Describe());
        Assert.Empty(good.GeneratorDiagnostics);
    }

    [Fact]
    public void Diagnostic_points_at_the_offending_parameter()
    {
        var result = GeneratorHarness.Run("""
            public interface ISampleGrain : IGrainWithStringKey
            {
                Task Run(CancellationToken token, int value);
            }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("Snippet.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("token", result.Code.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("ISampleGrain.Run", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("QS0006", "[Id(0)] public int A { get; set; } [Id(0)] public int B { get; set; }", "[Id(0)] public int A { get; set; } [Id(1)] public int B { get; set; }")]
    [InlineData("QS0005", "[Id(0)] public System.IO.Stream? Data { get; set; }", "[Id(0)] public byte[]? Data { get; set; }")]
    [InlineData("QS0009", "[Id(0)] public int Computed => 42;", "[Id(0)] public int Computed { get; private set; } = 42;")]
    public void Serializable_type_member(string id, string bad, string good)
    {
        const string template = """
            [GenerateSerializer]
            public sealed class Sample
            {
                MEMBERS
            }
            """;

        var badResult = GeneratorHarness.Run(template.Replace("MEMBERS", bad));
        var goodResult = GeneratorHarness.Run(template.Replace("MEMBERS", good));

        Assert.Contains(id, badResult.Ids);
        Assert.Contains("Sample", badResult.GeneratorDiagnostics.First(d => d.Id == id).GetMessage());
        Assert.Empty(goodResult.GeneratorDiagnostics);
        Assert.True(goodResult.CompilationErrors.IsEmpty, goodResult.Describe());
    }

    [Theory]
    [InlineData("QS0010", "private SampleGrain() { }", "public SampleGrain() { }")]
    [InlineData("QS0011", "public SampleGrain([PersistentState(\"s\")] string state) { }", "public SampleGrain([PersistentState(\"s\")] IPersistentState<int> state) { }")]
    [InlineData("QS0008", "", "")]
    public void Grain_class(string id, string bad, string good)
    {
        var template = """
            public interface ISampleGrain : IGrainWithStringKey { Task Ping(); }

            ATTRIBUTE
            public sealed class SampleGrain : ISampleGrain
            {
                MEMBERS
                public Task Ping() => Task.CompletedTask;
            }
            """;
        var badAttribute = id == "QS0008" ? "[CollectionAgeLimit(\"forever\")]" : "";
        var goodAttribute = id == "QS0008" ? "[CollectionAgeLimit(\"00:10:00\")]" : "";

        var badResult = GeneratorHarness.Run(template.Replace("ATTRIBUTE", badAttribute).Replace("MEMBERS", bad));
        var goodResult = GeneratorHarness.Run(template.Replace("ATTRIBUTE", goodAttribute).Replace("MEMBERS", good));

        Assert.Contains(id, badResult.Ids);
        Assert.Contains("SampleGrain", badResult.GeneratorDiagnostics.First(d => d.Id == id).GetMessage());
        Assert.Empty(goodResult.GeneratorDiagnostics);
        Assert.True(goodResult.CompilationErrors.IsEmpty, goodResult.Describe());
    }

    [Fact]
    public void Invalid_interface_gets_no_proxy_and_no_follow_on_errors()
    {
        var result = GeneratorHarness.Run("""
            public interface ISampleGrain : IGrainWithStringKey
            {
                int Count();
                Task Ok();
            }
            """);

        Assert.Equal(["QS0001"], result.Ids);
        Assert.True(result.CompilationErrors.IsEmpty, result.Describe());
        Assert.DoesNotContain(result.HintNames, name => name.StartsWith("Proxy_", StringComparison.Ordinal));
    }
}
