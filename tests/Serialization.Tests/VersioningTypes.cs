namespace QuantumScheduler.Runtime.Serialization.Tests;

// Two versions of one stored type, as two classes so both can live in the test assembly.

[GenerateSerializer]
public sealed class OrderV1
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public int Quantity { get; set; }
    [Id(2)] public string Obsolete { get; set; } = "";
    [Id(3)] public List<Person> Items { get; set; } = new();
    [Id(4)] public object? Legacy { get; set; }
    [Id(5)] public Shape? Main { get; set; }
    [Id(6)] public Person? Shared { get; set; }
}

[GenerateSerializer]
public sealed class OrderV2
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public long Quantity { get; set; }
    [Id(3)] public List<Person> Items { get; set; } = new();
    [Id(5)] public Shape? Main { get; set; }
    [Id(6)] public Person? Shared { get; set; }
    [Id(7)] public string? Note { get; set; }
    [Id(8)] public int Priority { get; set; } = 7;
}
