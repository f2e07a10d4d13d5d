using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class DeepCopyTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Immutable_values_are_returned_as_they_are()
    {
        var text = new string('a', 10);
        var settings = new Settings { Mode = "slow" };

        Assert.Same(text, _serializer.DeepCopy(text));
        Assert.Same(settings, _serializer.DeepCopy(settings));
        Assert.Same(settings, _serializer.DeepCopy<object>(settings));
        Assert.Same(text, _serializer.DeepCopy<object>(text));
    }

    [Fact]
    public void Mutable_values_are_independent_copies()
    {
        var person = new Person { Name = "ada", Tags = ["x"] };

        var copy = _serializer.DeepCopy(person);
        person.Tags.Add("y");

        Assert.NotSame(person, copy);
        Assert.Equal(["x"], copy.Tags);
    }

    [Fact]
    public void Structs_holding_references_are_copied_deeply()
    {
        var value = (new List<int> { 1 }, "a");

        var copy = _serializer.DeepCopy(value);
        value.Item1.Add(2);

        Assert.Equal([1], copy.Item1);
    }

    [Fact]
    public void Copy_uses_the_runtime_type_of_the_value()
    {
        Shape shape = new ColoredSquare { Side = 2, Color = Color.Blue };

        var copy = _serializer.DeepCopy(shape);

        Assert.Equal(Color.Blue, Assert.IsType<ColoredSquare>(copy).Color);
    }
}
