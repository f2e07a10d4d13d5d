using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests;

/// <summary>State written by one version of a type must be readable by the next, and back.</summary>
public class VersionToleranceTests
{
    private readonly Serializer _serializer = new();

    [Fact]
    public void Newer_version_keeps_old_fields_skips_removed_ones_and_defaults_new_ones()
    {
        var shared = new Person { Name = "shared" };
        var v1 = new OrderV1
        {
            Id = "o-1",
            Quantity = 3,
            Obsolete = "gone",
            Items = [new Person { Name = "a", Tags = ["x"] }, shared],
            Legacy = new Circle { Label = "legacy", Radius = 9 },
            Main = new Circle { Label = "main", Radius = 1 },
            Shared = shared,
        };

        var v2 = _serializer.Deserialize<OrderV2>(_serializer.SerializeToArray(v1));

        Assert.Equal("o-1", v2.Id);
        Assert.Equal(3L, v2.Quantity);
        Assert.Equal(["a", "shared"], v2.Items.Select(p => p.Name));
        Assert.Equal(["x"], v2.Items[0].Tags);
        // The skipped Legacy field recorded Circle's type name first: Main refers to it by index.
        Assert.Equal(("main", 1.0), (v2.Main!.Label, Assert.IsType<Circle>(v2.Main).Radius));
        // Group ordinals stay aligned across the skipped field, so the back-reference resolves.
        Assert.Same(v2.Items[1], v2.Shared);
        Assert.Null(v2.Note);
        Assert.Equal(7, v2.Priority);
    }

    [Fact]
    public void Older_version_reads_newer_data()
    {
        var v2 = new OrderV2 { Id = "o-2", Quantity = 12, Note = "new", Priority = 1, Items = [new Person { Name = "b" }] };

        var v1 = _serializer.Deserialize<OrderV1>(_serializer.SerializeToArray(v2));

        Assert.Equal("o-2", v1.Id);
        Assert.Equal(12, v1.Quantity);
        Assert.Equal("", v1.Obsolete);
        Assert.Equal("b", Assert.Single(v1.Items).Name);
        Assert.Null(v1.Legacy);
    }

    [Fact]
    public void Narrowing_an_integer_that_does_not_fit_is_a_clear_error()
    {
        var v2 = new OrderV2 { Quantity = long.MaxValue };

        var error = Assert.Throws<WireFormatException>(() => _serializer.Deserialize<OrderV1>(_serializer.SerializeToArray(v2)));

        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void Nullable_and_plain_values_are_interchangeable()
    {
        Assert.Equal(5, _serializer.Deserialize<int?>(_serializer.SerializeToArray(5)));
        Assert.Equal(5, _serializer.Deserialize<int>(_serializer.SerializeToArray<int?>(5)));
    }
}
