using System.Collections;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class CodecRoundTripTests
{
    private readonly Serializer _serializer = new();

    public static TheoryData<object> Primitives() => new()
    {
        true, false,
        byte.MaxValue, sbyte.MinValue, short.MinValue, ushort.MaxValue,
        int.MinValue, int.MaxValue, 0, -1, uint.MaxValue,
        long.MinValue, long.MaxValue, ulong.MaxValue,
        float.NaN, -0.0f, float.MaxValue, double.Epsilon, double.NegativeInfinity, Math.PI,
        decimal.MaxValue, -12.3400m, 0.0000000001m,
        'x', '\u20ac', char.MaxValue,
        "", "héllo wörld ✓", new string('z', 5000),
        Guid.NewGuid(),
        new DateTime(2024, 2, 29, 13, 14, 15, 16, DateTimeKind.Utc), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromMinutes(330)), DateTimeOffset.MinValue,
        TimeSpan.FromTicks(-123456789), TimeSpan.MaxValue,
        Color.Blue, Color.Green, (Color)42,
        new GrainId("friend", "abc+ext"),
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public void Primitive_round_trips_through_object(object value)
    {
        var copy = _serializer.RoundTrip<object>(value);

        Assert.Equal(value.GetType(), copy.GetType());
        Assert.Equal(value, copy);
    }

    [Fact]
    public void Every_member_kind_round_trips_with_its_static_type()
    {
        var value = new Everything
        {
            Flag = true, Byte = 200, SByte = -100, Short = -30000, UShort = 60000, Int = -7, UInt = 4_000_000_000, Long = long.MinValue,
            ULong = ulong.MaxValue, Float = 1.5f, Double = -2.25, Decimal = 79228162514264337593543950335m, Char = 'ß', Text = "text",
            Guid = Guid.NewGuid(), Time = DateTime.Now, Offset = DateTimeOffset.Now, Span = TimeSpan.FromDays(-3), Bytes = [1, 2, 3],
            Maybe = 5, Numbers = [3, 1, 2],
            Index = new() { ["a"] = [new Point(1, 2)], ["b"] = [] },
            Colors = [Color.Red, Color.Blue], Pair = (4, "four"),
            Readings = [new Measurement { Value = 1.25, Unit = "kg" }],
            Grain = new GrainId("order", "42"), Window = new Range(3, 9),
        };

        var copy = _serializer.RoundTrip(value);

        Assert.Equal(value.Flag, copy.Flag);
        Assert.Equal(value.Byte, copy.Byte);
        Assert.Equal(value.SByte, copy.SByte);
        Assert.Equal(value.Short, copy.Short);
        Assert.Equal(value.UShort, copy.UShort);
        Assert.Equal(value.Int, copy.Int);
        Assert.Equal(value.UInt, copy.UInt);
        Assert.Equal(value.Long, copy.Long);
        Assert.Equal(value.ULong, copy.ULong);
        Assert.Equal(value.Float, copy.Float);
        Assert.Equal(value.Double, copy.Double);
        Assert.Equal(value.Decimal, copy.Decimal);
        Assert.Equal(value.Char, copy.Char);
        Assert.Equal(value.Text, copy.Text);
        Assert.Equal(value.Guid, copy.Guid);
        Assert.Equal(value.Time, copy.Time);
        Assert.Equal(value.Time.Kind, copy.Time.Kind);
        Assert.Equal(value.Offset, copy.Offset);
        Assert.Equal(value.Offset.Offset, copy.Offset.Offset);
        Assert.Equal(value.Span, copy.Span);
        Assert.Equal(value.Bytes, copy.Bytes);
        Assert.Equal(value.Maybe, copy.Maybe);
        Assert.Equal(value.Numbers, copy.Numbers);
        Assert.Equal(value.Index.Keys, copy.Index!.Keys);
        Assert.Equal(value.Index["a"], copy.Index["a"]);
        Assert.Empty(copy.Index["b"]);
        Assert.Equal(value.Colors, copy.Colors);
        Assert.Equal(value.Pair, copy.Pair);
        Assert.Equal(1.25, Assert.Single(copy.Readings!).Value);
        Assert.Equal("kg", copy.Readings![0].Unit);
        Assert.Equal(value.Grain, copy.Grain);
        Assert.Equal(value.Window, copy.Window);
    }

    [Fact]
    public void Nulls_and_defaults_round_trip()
    {
        var copy = _serializer.RoundTrip(new Everything());

        Assert.Null(copy.Text);
        Assert.Null(copy.Bytes);
        Assert.Null(copy.Maybe);
        Assert.Null(copy.Numbers);
        Assert.Null(copy.Index);
        Assert.Null(copy.Pair);
        Assert.True(copy.Grain.IsDefault);
        Assert.Null(_serializer.RoundTrip<string?>(null));
        Assert.Null(_serializer.RoundTrip<Person?>(null));
        Assert.Null(_serializer.RoundTrip<object?>(null));
        Assert.Null(_serializer.RoundTrip<int?>(null));
        Assert.Equal(3, _serializer.RoundTrip<int?>(3));
    }

    [Fact]
    public void Collection_interfaces_round_trip_as_lists_sets_and_dictionaries()
    {
        IList<int> list = [1, 2, 3];
        IReadOnlyList<int> readOnlyList = [4, 5];
        ICollection<string> collection = ["x"];
        IReadOnlyCollection<string> readOnlyCollection = ["y", "z"];
        var lazy = Enumerable.Range(0, 4).Select(i => i * i);
        ISet<int> set = new HashSet<int> { 7, 8 };
        IReadOnlySet<int> readOnlySet = new HashSet<int> { 9 };
        IDictionary<int, string> dictionary = new Dictionary<int, string> { [1] = "one" };
        IReadOnlyDictionary<string, double> readOnlyDictionary = new Dictionary<string, double> { ["pi"] = 3.14 };

        Assert.Equal(list, _serializer.RoundTrip(list));
        Assert.Equal(readOnlyList, _serializer.RoundTrip(readOnlyList));
        Assert.Equal(collection, _serializer.RoundTrip(collection));
        Assert.Equal(readOnlyCollection, _serializer.RoundTrip(readOnlyCollection));
        Assert.Equal([0, 1, 4, 9], _serializer.RoundTrip(lazy));
        Assert.Equal(set, _serializer.RoundTrip(set));
        Assert.IsType<HashSet<int>>(_serializer.RoundTrip(readOnlySet));
        Assert.Equal(readOnlySet, _serializer.RoundTrip(readOnlySet));
        Assert.Equal(dictionary, _serializer.RoundTrip(dictionary));
        Assert.Equal(readOnlyDictionary, _serializer.RoundTrip(readOnlyDictionary));
    }

    [Fact]
    public void Arrays_lists_and_list_interfaces_share_a_wire_format()
    {
        var bytes = _serializer.SerializeToArray(new[] { 1, 2, 3 });

        Assert.Equal([1, 2, 3], _serializer.Deserialize<List<int>>(bytes));
        Assert.Equal([1, 2, 3], _serializer.Deserialize<IReadOnlyList<int>>(bytes));
        Assert.Equal([1, 2, 3], _serializer.Deserialize<int[]>(_serializer.SerializeToArray(new List<int> { 1, 2, 3 })));
    }

    [Fact]
    public void Tuples_and_pairs_round_trip()
    {
        Assert.Equal((1, "a"), _serializer.RoundTrip((1, "a")));
        Assert.Equal((1, "a", 2.5), _serializer.RoundTrip((1, "a", 2.5)));
        Assert.Equal((1, "a", 2.5, Color.Green), _serializer.RoundTrip((1, "a", 2.5, Color.Green)));
        Assert.Equal(KeyValuePair.Create("k", new Point(1, 1)), _serializer.RoundTrip(KeyValuePair.Create("k", new Point(1, 1))));
        Assert.Equal((1, "a"), _serializer.RoundTrip<object>((1, "a")));
    }

    [Fact]
    public void Types_with_required_members_round_trip_and_keep_their_initialisers()
    {
        var copy = _serializer.RoundTrip(new Invoice { Number = "INV-7", Total = 19.99m, Currency = "EUR", Tags = ["sent"] });
        Assert.Equal(("INV-7", 19.99m, "EUR"), (copy.Number, copy.Total, copy.Currency));
        // Tags has no [Id]: it is not serialised, and the constructor's initialiser gives it its default.
        Assert.Equal(["unsent"], copy.Tags);
    }

    [Fact]
    public void Structs_and_records_round_trip()
    {
        Assert.Equal(new Point(-4, 8), _serializer.RoundTrip(new Point(-4, 8)));
        Assert.Equal(new Money(12.50m, "EUR"), _serializer.RoundTrip(new Money(12.50m, "EUR")));
        Assert.Equal(new Range(1, 2), _serializer.RoundTrip(new Range(1, 2)));
        var measurement = _serializer.RoundTrip(new Measurement { Value = 3, Unit = "m" });
        Assert.Equal((3.0, "m"), (measurement.Value, measurement.Unit));
        var tick = new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(tick, _serializer.RoundTrip(tick));
    }

    [Fact]
    public void Private_readonly_and_private_set_members_round_trip()
    {
        var account = new Account("ada", 100);
        account.Move("north");

        var copy = _serializer.RoundTrip(account);

        Assert.Equal(("ada", 100, "north"), (copy.Owner, copy.Balance, copy.Branch));
    }

    [Fact]
    public void Large_collections_grow_the_pooled_buffer()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(i => (long)i * 1_000_003).ToList();

        Assert.Equal(numbers, _serializer.RoundTrip(numbers));
    }

    [Fact]
    public void Serialize_writes_to_any_buffer_writer()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        _serializer.Serialize(new Point(1, 2), buffer);

        Assert.Equal(new Point(1, 2), _serializer.Deserialize<Point>(buffer.WrittenSpan));
    }

    [Fact]
    public void Untyped_collections_are_not_supported()
    {
        var error = Assert.Throws<WireFormatException>(() => _serializer.SerializeToArray<ArrayList>(new ArrayList()));

        Assert.Contains("ArrayList", error.Message);
    }
}
