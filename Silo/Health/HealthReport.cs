using System.Text.Json.Serialization;

namespace QuantumScheduler.Silo.Health;

/// <summary>What <c>GET /health</c> returns.</summary>
public sealed record HealthReport(string Status, string Silo, int Activations, string DataDirectory, long? Probes, string? Error);

[JsonSerializable(typeof(HealthReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
