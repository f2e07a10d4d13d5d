using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>
/// Turns System.Text.Json's exceptions into messages about the document rather than about .NET types:
/// "expected a number", "unknown property "requiredSkill" (did you mean "requiredSkills"?)",
/// "duplicate property "duration"". What is
/// expected where is read from the schema generated from the document types, so it cannot drift.
/// </summary>
internal static class JsonErrorDescriber
{
    private static readonly Lazy<JsonNode> Schema = new(() => ProblemJsonContext.Default.ProblemDocument.GetJsonSchemaAsNode());

    public static ValidationError Describe(JsonException e)
    {
        var path = e.Path is null or "$" ? "" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        var where = e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: " : "";
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
            message = message[..cut];

        if (message.Contains("could not be converted", StringComparison.Ordinal) && Expected(path) is { } expected)
            message = $"expected {expected}";
        else if (message.Contains("could not be mapped", StringComparison.Ordinal))
            message = UnknownProperty(path);
        else if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
            message = $"duplicate property \"{LastName(path)}\"";
        return new ValidationError(path, where + message);
    }

    private static string LastName(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string UnknownProperty(string path)
    {
        var dot = path.LastIndexOf('.');
        var name = LastName(path);
        var parent = dot < 0 ? Schema.Value : Node(path[..dot]);
        var known = (parent?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var suggestion = known.OrderBy(k => Distance(k.ToLowerInvariant(), name.ToLowerInvariant())).FirstOrDefault();
        var hint = suggestion is not null && Distance(suggestion.ToLowerInvariant(), name.ToLowerInvariant()) <= 2 ? $" (did you mean \"{suggestion}\"?)" : "";
        return $"unknown property \"{name}\"{hint}";
    }

    private static string? Expected(string path)
    {
        var types = Node(path)?["type"] switch
        {
            JsonArray array => array.Select(t => t?.GetValue<string>()).Where(t => t is not null and not "null").ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
        return types.Count == 1
            ? types[0] switch
            {
                "number" => "a number",
                "integer" => "an integer",
                "string" => "a string",
                "boolean" => "true or false",
                "array" => "an array",
                "object" => "an object",
                _ => null,
            }
            : null;
    }

    /// <summary>The schema of the value at a path such as <c>tasks[0].requiredSkills[1]</c>.</summary>
    private static JsonNode? Node(string path)
    {
        JsonNode? node = Schema.Value;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
                node = node?["properties"]?[name];
            for (var i = bracket; i >= 0 && i < segment.Length; i = segment.IndexOf('[', i + 1))
                node = node?["items"];
        }
        return node;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
