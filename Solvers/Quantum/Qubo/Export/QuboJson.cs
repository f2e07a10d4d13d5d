using System.Text.Json;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Export;

/// <summary>Writes and reads the QUBO file format (<see cref="QuboDocument"/>).</summary>
public static class QuboJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The document of a scheduling QUBO: names, meanings (task and agent ids), biases and the report.</summary>
    public static QuboDocument ToDocument(SchedulingQubo qubo)
    {
        ArgumentNullException.ThrowIfNull(qubo);
        var problem = qubo.Instance.Problem;
        var model = qubo.Model;
        var names = qubo.Variables.Select(v => v.Name).ToArray();
        return new QuboDocument
        {
            Problem = problem.Name,
            Variables = qubo.Variables.Select(v => new QuboDocumentVariable
            {
                Name = v.Name,
                Kind = v.Kind == QuboVariableKind.Assignment ? "assignment" : "slack",
                Task = v.Kind == QuboVariableKind.Assignment ? problem.Tasks[v.Task].Id : null,
                Agent = problem.Agents[v.Agent].Id,
                Bit = v.Kind == QuboVariableKind.Slack ? v.SlackBit : null,
                Weight = v.Kind == QuboVariableKind.Slack ? v.SlackWeight : null,
            }).ToArray(),
            Linear = Enumerable.Range(0, model.VariableCount).Where(i => model.Linear[i] != 0).ToDictionary(i => names[i], i => model.Linear[i]),
            Quadratic = model.Terms.Select(t => new QuboDocumentTerm(names[t.I], names[t.J], t.W)).ToArray(),
            Offset = model.Offset,
            Report = qubo.Report,
        };
    }

    public static string Serialize(SchedulingQubo qubo) => JsonSerializer.Serialize(ToDocument(qubo), Options);

    /// <summary>Parses a QUBO file.</summary>
    /// <exception cref="FormatException">The JSON is malformed or inconsistent; the message names the entry.</exception>
    public static QuboDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        QuboDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<QuboDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"QUBO file: invalid JSON at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (document is null) throw new FormatException("QUBO file: the document is null.");
        if (document.Format != QuboDocument.CurrentFormat)
            throw new FormatException($"QUBO file: format \"{document.Format}\" is not supported (expected \"{QuboDocument.CurrentFormat}\").");
        return document;
    }

    /// <summary>The model a document describes, variables in the document's order.</summary>
    /// <exception cref="FormatException">A name is repeated or unknown, a term is on the diagonal or repeated, a bias not finite.</exception>
    public static QuboModel ToModel(QuboDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.Variables.Count; i++)
            if (!index.TryAdd(document.Variables[i].Name, i))
                throw new FormatException($"QUBO file: variables[{i}]: the name \"{document.Variables[i].Name}\" is used twice.");

        int Resolve(string name, string where) =>
            index.TryGetValue(name, out var i) ? i : throw new FormatException($"QUBO file: {where}: unknown variable \"{name}\".");

        var linear = new double[index.Count];
        foreach (var (name, bias) in document.Linear) linear[Resolve(name, $"linear[\"{name}\"]")] = bias;
        var terms = new Dictionary<(int, int), double>();
        for (var k = 0; k < document.Quadratic.Count; k++)
        {
            var term = document.Quadratic[k];
            var (u, v) = (Resolve(term.U, $"quadratic[{k}].u"), Resolve(term.V, $"quadratic[{k}].v"));
            if (u == v) throw new FormatException($"QUBO file: quadratic[{k}]: a variable is coupled to itself; put the bias in linear.");
            if (!terms.TryAdd((Math.Min(u, v), Math.Max(u, v)), term.Bias))
                throw new FormatException($"QUBO file: quadratic[{k}]: the pair ({term.U}, {term.V}) appears twice.");
        }
        try
        {
            return new QuboModel(linear, terms.Select(t => new QuboTerm(t.Key.Item1, t.Key.Item2, t.Value)).ToArray(), document.Offset);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"QUBO file: {e.Message}", e);
        }
    }
}
