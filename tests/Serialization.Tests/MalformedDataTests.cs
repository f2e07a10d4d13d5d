using System.Text;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

public class MalformedDataTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Truncated_data_is_reported()
    {
        var bytes = _serializer.SerializeToArray(new Person { Name = "truncated", Tags = ["a", "b"] });

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<Person>(bytes.AsSpan(0, bytes.Length - 3)));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Trailing_bytes_are_reported()
    {
        var bytes = _serializer.SerializeToArray(7).Concat(new byte[] { 1, 2 }).ToArray();

        Assert.Throws<WireFormatException>(() => _serializer.Deserialize<int>(bytes));
    }

    [Fact]
    public void Types_that_are_not_registered_are_never_instantiated()
    {
        // Field 0 as a typed value (wire type 7), a new type name, then an empty group.
        var name = Encoding.UTF8.GetBytes("System.IO.FileInfo");
        byte[] bytes = [0x07, 0x00, (byte)name.Length, .. name, 0x04, 0x05];

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<object>(bytes));

        Assert.Contains("System.IO.FileInfo", error.Message);
        Assert.Contains("not known", error.Message);
    }

    [Fact]
    public void Wire_type_mismatch_names_the_type_and_field()
    {
        var bytes = _serializer.SerializeToArray("text");

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<int>(bytes));

        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void Impossible_collection_counts_are_rejected_before_allocating()
    {
        // A list group whose count claims 2^31 elements.
        byte[] bytes = [0x04, 0x00, 0x80, 0x80, 0x80, 0x80, 0x08, 0x05];

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<List<int>>(bytes));

        Assert.Contains("count", error.Message);
    }

    [Fact]
    public void Hostile_nesting_fails_instead_of_overflowing_the_stack()
    {
        // 100 000 nested typed values (field 9, wire type 7) that never end, in a field Person does not have.
        var nested = Enumerable.Repeat(new byte[] { 0x4F, 0x00, 0x03, (byte)'i', (byte)'n', (byte)'t' }, 100_000).SelectMany(b => b);
        byte[] bytes = [0x04, .. nested];

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<Person>(bytes));

        Assert.Contains("nests deeper", error.Message);
    }

    [Fact]
    public void Deep_object_chains_fail_with_a_clear_error_when_written()
    {
        var head = new Person { Name = "0" };
        var current = head;
        for (var i = 1; i < 5000; i++)
            current = current.Friend = new Person { Name = i.ToString() };

        var error = Assert.Throws<WireFormatException>(() => _serializer.SerializeToArray(head));

        Assert.Contains("nests deeper", error.Message);
        Assert.Equal("ok", _serializer.RoundTrip(new Person { Name = "ok" }).Name);
    }

    [Fact]
    public void A_recorded_abstract_type_is_rejected()
    {
        var name = Encoding.UTF8.GetBytes("object");
        byte[] bytes = [0x07, 0x00, (byte)name.Length, .. name, 0x07, 0x01, 0x00];

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<object>(bytes));

        Assert.Contains("not a concrete type", error.Message);
    }
}
