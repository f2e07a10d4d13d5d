using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// Per-message state of a <see cref="Reader"/>: the objects read so far (by group ordinal, for
/// back-references) and the type names seen so far (later occurrences are written as an index).
/// </summary>
internal sealed class ReaderSession
{
    private readonly List<object?> _objects = new();
    private readonly List<string> _typeNames = new();
    private readonly List<Type?> _types = new();

    /// <summary>Turns deserialised grain references into proxies; null when the serializer has no runtime.</summary>
    public IGrainReferenceRuntime? References { get; set; }

    private uint _groupCount;
    private int _depth;

    /// <summary>Counts a group (its ordinal is what back-references use) and guards the nesting depth.</summary>
    public uint EnterGroup()
    {
        EnterNesting();
        return ++_groupCount;
    }

    public void ExitGroup() => ExitNesting();

    /// <summary>Nesting that is not a group (a skipped typed value).</summary>
    public void EnterNesting()
    {
        if (++_depth > Serializer.MaxDepth)
            throw new WireFormatException($"The data nests deeper than {Serializer.MaxDepth} levels: it is corrupt or hostile.");
    }

    public void ExitNesting() => _depth--;

    public void RecordObject(uint referenceId, object value)
    {
        var index = (int)referenceId - 1;
        while (_objects.Count <= index)
            _objects.Add(null);
        _objects[index] = value;
    }

    public object GetObject(uint referenceId)
    {
        var index = (int)referenceId - 1;
        if (index < 0 || index >= _objects.Count || _objects[index] is not { } value)
            throw new WireFormatException($"Reference {referenceId} points to no object read so far (it was skipped as an unknown field, or the data is corrupt).");
        return value;
    }

    public int TypeNameCount => _typeNames.Count;

    public void AddTypeName(string name)
    {
        _typeNames.Add(name);
        _types.Add(null);
    }

    public Type ResolveType(uint index)
    {
        var i = (int)index - 1;
        if (i < 0 || i >= _types.Count)
            throw new WireFormatException($"Type reference {index} points to no type name read so far: the data is corrupt.");
        return _types[i] ??= CodecRegistry.ResolveTypeName(_typeNames[i]);
    }

    public void Reset()
    {
        References = null;
        _groupCount = 0;
        _depth = 0;
        _objects.Clear();
        _typeNames.Clear();
        _types.Clear();
    }
}
