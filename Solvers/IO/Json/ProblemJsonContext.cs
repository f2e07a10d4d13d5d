using System.Text.Json.Serialization;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>Source-generated (reflection-free) serialisation of the problem format: camelCase, unknown properties rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ProblemDocument))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
