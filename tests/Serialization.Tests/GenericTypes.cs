namespace QuantumScheduler.Runtime.Serialization.Tests;

[GenerateSerializer]
public sealed record Result<T>([property: Id(0)] T Value, [property: Id(1)] string? Error);

[GenerateSerializer]
public class Box<T> where T : notnull
{
    [Id(0)] public T Content { get; set; } = default!;
    [Id(1)] public List<T> History { get; set; } = new();
}

[GenerateSerializer]
public sealed class LabeledBox : Box<string>
{
    [Id(0)] public string Label { get; set; } = "";
}

[GenerateSerializer]
public struct Pair<TLeft, TRight> where TLeft : struct
{
    [Id(0)] public TLeft Left;
    [Id(1)] public TRight Right;
}
