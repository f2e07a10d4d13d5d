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

/// <summary>[Id] on the positional parameter itself (no property: target) means the property.</summary>
[GenerateSerializer]
public sealed record Money([Id(0)] decimal Amount, [Id(1)] string Currency);

[GenerateSerializer]
public enum Color
{
    Red,
    Green = 5,
    Blue = -3,
}

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
public class Square : Shape
{
    [Id(0)] public double Side { get; init; }
}

/// <summary>Three levels, each reusing field id 0.</summary>
[GenerateSerializer]
public sealed class ColoredSquare : Square
{
    [Id(0)] public Color Color { get; set; }
}

[GenerateSerializer]
public struct Measurement
{
    [Id(0)] public double Value;
    [Id(1)] public string Unit;
}

[GenerateSerializer]
public readonly record struct Range([property: Id(0)] int Start, [property: Id(1)] int End);

[GenerateSerializer]
public sealed class Drawing
{
    [Id(0)] public List<Shape> Shapes { get; set; } = new();
    [Id(1)] public Shape? Highlight { get; set; }
    [Id(2)] public object? Tag { get; set; }
}

/// <summary>Private and read-only members are reached through generated field accessors.</summary>
[GenerateSerializer]
public sealed class Account
{
    [Id(0)] private readonly string _owner;
    [Id(1)] private int _balance;

    public Account(string owner, int balance)
    {
        _owner = owner;
        _balance = balance;
    }

    [Id(2)] public string Branch { get; private set; } = "main";

    public string Owner => _owner;

    public int Balance => _balance;

    public void Move(string branch) => Branch = branch;
}

[GenerateSerializer, Immutable]
public sealed class Settings
{
    [Id(0)] public string Mode { get; init; } = "fast";
}

[GenerateSerializer]
public sealed class Everything
{
    [Id(0)] public bool Flag { get; set; }
    [Id(1)] public byte Byte { get; set; }
    [Id(2)] public sbyte SByte { get; set; }
    [Id(3)] public short Short { get; set; }
    [Id(4)] public ushort UShort { get; set; }
    [Id(5)] public int Int { get; set; }
    [Id(6)] public uint UInt { get; set; }
    [Id(7)] public long Long { get; set; }
    [Id(8)] public ulong ULong { get; set; }
    [Id(9)] public float Float { get; set; }
    [Id(10)] public double Double { get; set; }
    [Id(11)] public decimal Decimal { get; set; }
    [Id(12)] public char Char { get; set; }
    [Id(13)] public string? Text { get; set; }
    [Id(14)] public Guid Guid { get; set; }
    [Id(15)] public DateTime Time { get; set; }
    [Id(16)] public DateTimeOffset Offset { get; set; }
    [Id(17)] public TimeSpan Span { get; set; }
    [Id(18)] public byte[]? Bytes { get; set; }
    [Id(19)] public int? Maybe { get; set; }
    [Id(20)] public int[]? Numbers { get; set; }
    [Id(21)] public Dictionary<string, List<Point>>? Index { get; set; }
    [Id(22)] public HashSet<Color>? Colors { get; set; }
    [Id(23)] public (int, string)? Pair { get; set; }
    [Id(24)] public IReadOnlyList<Measurement>? Readings { get; set; }
    [Id(25)] public GrainId Grain { get; set; }
    [Id(26)] public Range Window { get; set; }
}

[GenerateSerializer]
public record Vehicle([property: Id(0)] string Plate);

[GenerateSerializer]
public sealed record Truck(string Plate, [property: Id(0)] double Payload) : Vehicle(Plate);

/// <summary>No [GenerateSerializer]: registered because a member and a grain method use it.</summary>
public enum Priority : short
{
    Low = -1,
    High = 300,
}

[GenerateSerializer]
public sealed class Ticket
{
    [Id(0)] public Dictionary<string, Priority[]> Levels { get; set; } = new();
}

/// <summary>Required members: the codec constructs with placeholders, so the initialiser of <see cref="Tags"/> still runs.</summary>
[GenerateSerializer]
public sealed record Invoice
{
    [Id(0)] public required string Number { get; init; }
    [Id(1)] public required decimal Total { get; init; }
    [Id(2)] public string Currency { get; init; } = "USD";
    public List<string> Tags { get; init; } = ["unsent"];
}
