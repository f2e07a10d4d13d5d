namespace QuantumScheduler.Runtime.Persistence.Tests.Persistence;

[GenerateSerializer]
public sealed class CartState
{
    [Id(0)] public string Owner { get; set; } = "";
    [Id(1)] public List<string> Items { get; set; } = [];
    [Id(2)] public decimal Total { get; set; }
}

/// <summary>The next version of <see cref="CartState"/>: one field dropped, one added.</summary>
[GenerateSerializer]
public sealed class CartStateV2
{
    [Id(0)] public string Owner { get; set; } = "";
    [Id(1)] public List<string> Items { get; set; } = [];
    [Id(3)] public string Currency { get; set; } = "EUR";
}

[GenerateSerializer]
public sealed record NoDefaultConstructor([property: Id(0)] int Value);
