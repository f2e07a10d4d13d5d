using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class PolymorphismTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Runtime_type_of_a_field_is_recorded()
    {
        var drawing = new Drawing
        {
            Shapes = [new Circle { Label = "c", Radius = 2 }, new Square { Label = "s", Side = 3 }, new ColoredSquare { Label = "cs", Side = 4, Color = Color.Green }],
            Tag = new Point(1, 2),
        };

        var copy = _serializer.RoundTrip(drawing);

        var circle = Assert.IsType<Circle>(copy.Shapes[0]);
        Assert.Equal(("c", 2.0), (circle.Label, circle.Radius));
        var square = Assert.IsType<Square>(copy.Shapes[1]);
        Assert.Equal(("s", 3.0), (square.Label, square.Side));
        var colored = Assert.IsType<ColoredSquare>(copy.Shapes[2]);
        Assert.Equal(("cs", 4.0, Color.Green), (colored.Label, colored.Side, colored.Color));
        Assert.Equal(new Point(1, 2), copy.Tag);
    }

    [Fact]
    public void Object_fields_hold_primitives_collections_and_generated_types()
    {
        object[] values = [42, "text", new List<int> { 1 }, new Dictionary<string, Point> { ["p"] = new(1, 1) }, new Point(3, 4), Color.Red, new int[] { 5 }];

        var copy = _serializer.RoundTrip(values);

        Assert.Equal(42, copy[0]);
        Assert.Equal("text", copy[1]);
        Assert.Equal([1], Assert.IsType<List<int>>(copy[2]));
        Assert.Equal(new Point(1, 1), Assert.IsType<Dictionary<string, Point>>(copy[3])["p"]);
        Assert.Equal(new Point(3, 4), copy[4]);
        Assert.Equal(Color.Red, copy[5]);
        Assert.Equal([5], Assert.IsType<int[]>(copy[6]));
    }

    [Fact]
    public void Shared_references_and_cycles_are_preserved()
    {
        var ada = new Person { Name = "ada" };
        var bob = new Person { Name = "bob", Friend = ada };
        ada.Friend = bob;
        var circle = new Circle { Radius = 1 };
        var drawing = new Drawing { Shapes = [circle, circle], Highlight = circle, Tag = ada };

        var copy = _serializer.RoundTrip(drawing);
        var people = _serializer.RoundTrip(new List<Person> { ada, bob, ada });

        Assert.Same(copy.Shapes[0], copy.Shapes[1]);
        Assert.Same(copy.Shapes[0], copy.Highlight);
        var adaCopy = Assert.IsType<Person>(copy.Tag);
        Assert.Same(adaCopy, adaCopy.Friend!.Friend);
        Assert.Same(people[0], people[2]);
        Assert.Same(people[1], people[0].Friend);
    }

    [Fact]
    public void Abstract_declared_type_is_read_through_the_recorded_type()
    {
        var bytes = _serializer.SerializeToArray<Shape>(new Circle { Radius = 5 });

        Assert.Equal(5, Assert.IsType<Circle>(_serializer.Deserialize<Shape>(bytes)).Radius);
        Assert.Equal(5, Assert.IsType<Circle>(_serializer.Deserialize<object>(bytes)).Radius);
    }

    [Fact]
    public void A_recorded_type_that_does_not_fit_the_declared_type_is_rejected()
    {
        var bytes = _serializer.SerializeToArray<object>(new Point(1, 2));

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<Shape>(bytes));

        Assert.Contains("Point", error.Message);
    }

    [Fact]
    public void Positional_record_hierarchies_round_trip()
    {
        var copy = _serializer.RoundTrip<Vehicle>(new Truck("QS-1", 7.5));

        Assert.Equal(new Truck("QS-1", 7.5), copy);
    }
}
