using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class SmokeTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Person_round_trips()
    {
        var p = new Person { Name = "Ada", Age = 36, Tags = ["a", "b"] };
        p.Friend = p;
        var copy = _serializer.Deserialize<Person>(_serializer.SerializeToArray(p));
        Assert.Equal("Ada", copy.Name);
        Assert.Equal(36, copy.Age);
        Assert.Equal(["a", "b"], copy.Tags);
        Assert.Same(copy, copy.Friend);
    }

    [Fact]
    public void Polymorphic_and_records()
    {
        var circle = new Circle { Label = "c", Radius = 2 };
        var d = new Drawing { Shapes = [circle, new Square { Label = "s", Side = 3 }], Highlight = circle, Tag = new Point(1, 2) };
        var copy = _serializer.DeepCopy(d);
        Assert.NotSame(d, copy);
        var c = Assert.IsType<Circle>(copy.Shapes[0]);
        Assert.Equal("c", c.Label);
        Assert.Equal(2, c.Radius);
        Assert.Equal(3, Assert.IsType<Square>(copy.Shapes[1]).Side);
        Assert.Same(c, copy.Highlight);
        Assert.Equal(new Point(1, 2), copy.Tag);
        var tick = new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow);
        Assert.Equal(tick, _serializer.DeepCopy(tick));
        Assert.Equal(Color.Blue, _serializer.DeepCopy<object>(Color.Blue));
    }
}
