namespace QuantumScheduler.Runtime.Serialization.Tests;

[GenerateSerializer]
public sealed class Person
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Age { get; set; }
    [Id(2)] public List<string> Tags { get; set; } = new();
    [Id(3)] public Person? Friend { get; set; }
}

[GenerateSerializer]
public sealed record Point([property: Id(0)] int X, [property: Id(1)] int Y);

[GenerateSerializer]
public enum Color { Red, Green = 5, Blue = -3 }

[GenerateSerializer]
public abstract class Shape
{
    [Id(0)] public string Label { get; set; } = "";
}

[GenerateSerializer]
public sealed class Circle : Shape
{
    [Id(0)] public double Radius { get; set; }
}

[GenerateSerializer]
public sealed class Square : Shape
{
    [Id(0)] public double Side { get; init; }
}

[GenerateSerializer]
public struct Measurement
{
    [Id(0)] public double Value;
    [Id(1)] public string Unit;
}

[GenerateSerializer]
public sealed class Drawing
{
    [Id(0)] public List<Shape> Shapes { get; set; } = new();
    [Id(1)] public Shape? Highlight { get; set; }
    [Id(2)] public object? Tag { get; set; }
}
