using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.IO;

/// <summary>Keeps the hand-written JSON Schema (with its descriptions and limits) in step with what the reader accepts.</summary>
public sealed class ProblemSchemaTests
{
    private static JsonNode Published => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "problem.schema.json")))!;

    [Fact]
    public void The_schema_lists_exactly_the_properties_the_reader_accepts()
    {
        var published = Published;
        var generated = ProblemJsonContext.Default.ProblemDocument.GetJsonSchemaAsNode();

        var publishedPaths = Properties(published, published, "").Order().ToList();
        var generatedPaths = Properties(generated, generated, "").Order().ToList();

        Assert.NotEmpty(publishedPaths);
        Assert.Equal(generatedPaths, publishedPaths);
    }

    [Fact]
    public void The_schema_enumerates_the_same_names_as_the_reader()
    {
        var defs = Published["$defs"]!;

        Assert.Equal(JsonNames.All<ObjectiveKind>(), defs["objective"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(JsonNames.All<ObjectiveSense>(), defs["objective"]!["properties"]!["sense"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    /// <summary>Every property path (e.g. "tasks[].requiredSkills") in a schema, following $ref, arrays and nullable unions.</summary>
    private static IEnumerable<string> Properties(JsonNode root, JsonNode? schema, string path, int depth = 0)
    {
        if (schema is null || depth > 8)
            yield break;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = reference == "#" ? root : reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)root, (node, part) => node?[part]);
            foreach (var p in Properties(root, target, path, depth + 1))
                yield return p;
        }
        if (schema["items"] is { } items)
            foreach (var p in Properties(root, items, path + "[]", depth + 1))
                yield return p;
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, property) in properties)
            {
                var child = path.Length == 0 ? name : $"{path}.{name}";
                yield return child;
                foreach (var p in Properties(root, property, child, depth + 1))
                    yield return p;
            }
    }
}
