using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// A grain reference of any grain interface: a group of the grain id (field 0) and the wire name of the
/// proxy's interface (field 1). Read back through <see cref="IGrainReferenceRuntime.CreateReference"/>,
/// so the receiver gets a proxy bound to its own runtime.
/// </summary>
public sealed class GrainReferenceCodec<TInterface> : FieldCodec<TInterface> where TInterface : class, IAddressable
{
    private const uint GrainIdField = 0;
    private const uint InterfaceField = 1;

    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, TInterface value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(fieldId);
                break;
            case GrainReference reference:
                writer.WriteStartObject(fieldId, null);
                writer.WriteField(GrainIdField, reference.GrainId);
                writer.WriteFieldHeader(InterfaceField, WireType.LengthPrefixed);
                writer.WriteString(CodecRegistry.GetTypeName(reference.InterfaceType));
                writer.WriteEndObject();
                break;
            default:
                throw new WireFormatException(
                    $"A {WireFormatException.TypeDisplay(value.GetType())} is not a grain reference and cannot be sent as {WireFormatException.TypeDisplay(typeof(TInterface))}: pass this.AsReference<{typeof(TInterface).Name}>() instead of this.");
        }
    }

    public override TInterface ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<TInterface>();
            case WireType.TypedValue:
                return reader.ReadPolymorphic<TInterface>();
            case WireType.StartObject:
                GrainId grainId = default;
                var interfaceType = typeof(TInterface);
                while (reader.ReadNextField(out var next))
                {
                    switch (next.FieldId)
                    {
                        case GrainIdField:
                            grainId = reader.ReadValue<GrainId>(next);
                            break;
                        case InterfaceField when next.WireType == WireType.LengthPrefixed:
                            interfaceType = CodecRegistry.ResolveTypeName(reader.ReadString());
                            break;
                        default:
                            reader.SkipField(next);
                            break;
                    }
                }
                return Create(ref reader, grainId, interfaceType);
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TInterface), field);
        }
    }

    private static TInterface Create(ref Reader reader, GrainId grainId, Type interfaceType)
    {
        if (grainId.IsDefault)
            throw new WireFormatException($"A grain reference to {interfaceType.Name} without a grain id.");
        var runtime = reader.References
            ?? throw new WireFormatException($"Cannot read a grain reference to {grainId}: this serializer was created without an IGrainReferenceRuntime.");
        return runtime.CreateReference(grainId, interfaceType) as TInterface
            ?? throw new WireFormatException($"The grain reference to {grainId} ({interfaceType.Name}) does not implement {WireFormatException.TypeDisplay(typeof(TInterface))}.");
    }
}
