using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class GenericTypeTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Generic_records_classes_and_structs_round_trip()
    {
        Assert.Equal(new Result<int>(5, null), _serializer.RoundTrip(new Result<int>(5, null)));
        Assert.Equal(new Point(1, 2), _serializer.RoundTrip(new Result<Point>(new Point(1, 2), "e")).Value);
        var box = _serializer.RoundTrip(new Box<Guid> { Content = Guid.Empty, History = [Guid.NewGuid()] });
        Assert.Single(box.History);
        var pair = _serializer.RoundTrip(new Pair<int, string> { Left = 3, Right = "r" });
        Assert.Equal((3, "r"), (pair.Left, pair.Right));
    }

    [Fact]
    public void Generic_base_class_members_are_included()
    {
        var copy = _serializer.RoundTrip<Box<string>>(new LabeledBox { Content = "c", History = ["h"], Label = "l" });

        var labeled = Assert.IsType<LabeledBox>(copy);
        Assert.Equal(("c", "h", "l"), (labeled.Content, labeled.History[0], labeled.Label));
    }

    [Fact]
    public void Constructed_generic_types_are_recorded_in_polymorphic_fields()
    {
        var copy = _serializer.RoundTrip<object>(new Result<List<Color>>([Color.Green], null));

        Assert.Equal([Color.Green], Assert.IsType<Result<List<Color>>>(copy).Value);
    }
}
