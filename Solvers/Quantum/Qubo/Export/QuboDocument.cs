using System.Text.Json.Serialization;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Export;

/// <summary>
/// The exported QUBO file (format <c>quantumscheduler.qubo/1</c>, see docs/qubo-annealing-hybrid.md): a
/// binary quadratic model to minimise, energy = offset + Σ linear[v]·v + Σ bias·u·v, with every variable's
/// meaning and the penalty report, so other tools (dimod, qbsolv-like solvers) can use it and answers can be
/// mapped back.
/// </summary>
public sealed record QuboDocument
{
    public const string CurrentFormat = "quantumscheduler.qubo/1";

    [JsonPropertyName("format")] public string Format { get; init; } = CurrentFormat;

    [JsonPropertyName("problem")] public string? Problem { get; init; }

    /// <summary>Always "BINARY" (variables take 0 or 1), as dimod names the vartype.</summary>
    [JsonPropertyName("vartype")] public string Vartype { get; init; } = "BINARY";

    [JsonPropertyName("variables")] public required IReadOnlyList<QuboDocumentVariable> Variables { get; init; }

    /// <summary>Linear bias per variable name (variables without one have bias 0).</summary>
    [JsonPropertyName("linear")] public required IReadOnlyDictionary<string, double> Linear { get; init; }

    [JsonPropertyName("quadratic")] public required IReadOnlyList<QuboDocumentTerm> Quadratic { get; init; }

    [JsonPropertyName("offset")] public double Offset { get; init; }

    /// <summary>The formulation report (sizes and penalty weights); informative, not needed to rebuild the model.</summary>
    [JsonPropertyName("report")] public QuboFormulationReport? Report { get; init; }
}

/// <summary>One variable: its name (x[t3,a1] or s[a1,2]) and, when it came from a scheduling problem, what it means.</summary>
public sealed record QuboDocumentVariable
{
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>"assignment" or "slack".</summary>
    [JsonPropertyName("kind")] public string? Kind { get; init; }

    [JsonPropertyName("task")] public string? Task { get; init; }

    [JsonPropertyName("agent")] public string? Agent { get; init; }

    /// <summary>For slack: the bit index and the load units it is worth.</summary>
    [JsonPropertyName("bit")] public int? Bit { get; init; }

    [JsonPropertyName("weight")] public double? Weight { get; init; }
}

/// <summary>A quadratic bias between two named variables.</summary>
public sealed record QuboDocumentTerm(
    [property: JsonPropertyName("u")] string U,
    [property: JsonPropertyName("v")] string V,
    [property: JsonPropertyName("bias")] double Bias);
