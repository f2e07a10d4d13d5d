using System.Runtime.InteropServices;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// The layout shared by arrays, lists, sets and dictionaries: a group holding the element count (field 0),
/// then one field per element (field 1), or per key (field 1) and value (field 2). Arrays, lists and the
/// list interfaces are interchangeable on the wire, as are sets and dictionaries with their interfaces.
/// </summary>
internal static class CollectionFormat
{
    public const uint CountField = 0;
    public const uint ElementField = 1;
    public const uint ValueField = 2;

    /// <summary>Opens the group and writes the count; false when a back-reference or null was written instead.</summary>
    public static bool TryWriteStart(Writer writer, uint fieldId, object? collection, int count)
    {
        if (collection is null)
        {
            writer.WriteNull(fieldId);
            return false;
        }
        if (writer.TryWriteReference(fieldId, collection))
            return false;
        writer.WriteStartObject(fieldId, collection);
        writer.WriteFieldHeader(CountField, WireType.VarInt);
        writer.WriteVarUInt32((uint)count);
        return true;
    }

    public static void WriteElements<T>(Writer writer, IEnumerable<T> items)
    {
        var codec = CodecCache<T>.Codec;
        switch (items)
        {
            case T[] array:
                foreach (var item in array)
                    codec.WriteField(writer, ElementField, item);
                break;
            case List<T> list:
                foreach (var item in CollectionsMarshal.AsSpan(list))
                    codec.WriteField(writer, ElementField, item);
                break;
            case HashSet<T> set:
                foreach (var item in set)
                    codec.WriteField(writer, ElementField, item);
                break;
            default:
                foreach (var item in items)
                    codec.WriteField(writer, ElementField, item);
                break;
        }
    }

    /// <summary>A sequence's count without enumerating it twice; lazy sequences are materialised first.</summary>
    public static int Count<T>(ref IEnumerable<T> items)
    {
        switch (items)
        {
            case ICollection<T> collection:
                return collection.Count;
            case IReadOnlyCollection<T> readOnly:
                return readOnly.Count;
            default:
                var materialised = new List<T>(items);
                items = materialised;
                return materialised.Count;
        }
    }

    /// <summary>Reads the count, which always comes first.</summary>
    public static int ReadCount(ref Reader reader, Type collectionType)
    {
        var field = reader.ReadFieldHeader();
        if (field.FieldId != CountField || field.WireType != WireType.VarInt)
            throw new WireFormatException($"Malformed {WireFormatException.TypeDisplay(collectionType)}: it must start with its count, found {field}.");
        var count = reader.ReadVarUInt64();
        // Every element takes at least one byte, so a larger count is corrupt data, not a reason to allocate.
        return count <= (ulong)reader.Remaining
            ? (int)count
            : throw new WireFormatException($"Malformed {WireFormatException.TypeDisplay(collectionType)}: count {count} exceeds the {reader.Remaining} bytes left.");
    }

    public static WireFormatException ValueWithoutKey(Type type) =>
        new($"Malformed {WireFormatException.TypeDisplay(type)}: a value field without a preceding key field.");
}
