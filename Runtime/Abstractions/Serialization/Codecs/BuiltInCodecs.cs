using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>The codecs and wire names every process knows, registered once by <see cref="CodecRegistry"/>.</summary>
internal static class BuiltInCodecs
{
    public static void Register()
    {
        CodecRegistry.RegisterBuiltIn(new BooleanCodec(), "bool");
        CodecRegistry.RegisterBuiltIn(new UnsignedIntegerCodec<byte>(), "byte");
        CodecRegistry.RegisterBuiltIn(new SignedIntegerCodec<sbyte>(), "sbyte");
        CodecRegistry.RegisterBuiltIn(new SignedIntegerCodec<short>(), "short");
        CodecRegistry.RegisterBuiltIn(new UnsignedIntegerCodec<ushort>(), "ushort");
        CodecRegistry.RegisterBuiltIn(new SignedIntegerCodec<int>(), "int");
        CodecRegistry.RegisterBuiltIn(new UnsignedIntegerCodec<uint>(), "uint");
        CodecRegistry.RegisterBuiltIn(new SignedIntegerCodec<long>(), "long");
        CodecRegistry.RegisterBuiltIn(new UnsignedIntegerCodec<ulong>(), "ulong");
        CodecRegistry.RegisterBuiltIn(new UnsignedIntegerCodec<char>(), "char");
        CodecRegistry.RegisterBuiltIn(new SingleCodec(), "float");
        CodecRegistry.RegisterBuiltIn(new DoubleCodec(), "double");
        CodecRegistry.RegisterBuiltIn(new DecimalCodec(), "decimal");
        CodecRegistry.RegisterBuiltIn(new StringCodec(), "string");
        CodecRegistry.RegisterBuiltIn(new ByteArrayCodec(), "byte[]");
        CodecRegistry.RegisterBuiltIn(new GuidCodec(), "Guid");
        CodecRegistry.RegisterBuiltIn(new DateTimeCodec(), "DateTime");
        CodecRegistry.RegisterBuiltIn(new DateTimeOffsetCodec(), "DateTimeOffset");
        CodecRegistry.RegisterBuiltIn(new TimeSpanCodec(), "TimeSpan");
        CodecRegistry.RegisterBuiltIn(new GrainIdCodec(), "GrainId");
        CodecRegistry.RegisterBuiltIn(new PolymorphicCodec<object>(), "object");
        CodecRegistry.RegisterBuiltIn(new ExceptionCodec<Exception>(), "Exception");
        CodecRegistry.RegisterBuiltIn(new VoidResponseCodec(), "VoidResponse");
        CodecRegistry.RegisterBuiltIn(new ExceptionResponseCodec(), "ExceptionResponse");

        RegisterGeneric(typeof(Nullable<>), typeof(NullableCodec<>), "Nullable`1");
        RegisterGeneric(typeof(ValueTuple<,>), typeof(ValueTupleCodec<,>), "ValueTuple`2");
        RegisterGeneric(typeof(ValueTuple<,,>), typeof(ValueTupleCodec<,,>), "ValueTuple`3");
        RegisterGeneric(typeof(ValueTuple<,,,>), typeof(ValueTupleCodec<,,,>), "ValueTuple`4");
        RegisterGeneric(typeof(KeyValuePair<,>), typeof(KeyValuePairCodec<,>), "KeyValuePair`2");
        RegisterGeneric(typeof(Response<>), typeof(ResponseCodec<>), "Response`1");

        // Collections: the codec is generic over the declared collection type as well as its elements, so
        // interfaces share the concrete type's codec and wire format. Interfaces need names too: they appear
        // as type arguments of recorded types, such as Response<IReadOnlyList<T>>.
        RegisterCollection(typeof(List<>), typeof(ListCodec<,>), "List`1");
        RegisterCollection(typeof(IList<>), typeof(ListCodec<,>), "IList`1");
        RegisterCollection(typeof(ICollection<>), typeof(ListCodec<,>), "ICollection`1");
        RegisterCollection(typeof(IEnumerable<>), typeof(ListCodec<,>), "IEnumerable`1");
        RegisterCollection(typeof(IReadOnlyList<>), typeof(ListCodec<,>), "IReadOnlyList`1");
        RegisterCollection(typeof(IReadOnlyCollection<>), typeof(ListCodec<,>), "IReadOnlyCollection`1");
        RegisterCollection(typeof(HashSet<>), typeof(SetCodec<,>), "HashSet`1");
        RegisterCollection(typeof(ISet<>), typeof(SetCodec<,>), "ISet`1");
        RegisterCollection(typeof(IReadOnlySet<>), typeof(SetCodec<,>), "IReadOnlySet`1");
        RegisterCollection(typeof(Dictionary<,>), typeof(DictionaryCodec<,,>), "Dictionary`2");
        RegisterCollection(typeof(IDictionary<,>), typeof(DictionaryCodec<,,>), "IDictionary`2");
        RegisterCollection(typeof(IReadOnlyDictionary<,>), typeof(DictionaryCodec<,,>), "IReadOnlyDictionary`2");
    }

    private static void RegisterGeneric(Type definition, Type codecDefinition, string name) =>
        CodecRegistry.RegisterBuiltInGeneric(definition, type => codecDefinition.MakeGenericType(type.GetGenericArguments()), name);

    private static void RegisterCollection(Type definition, Type codecDefinition, string name) =>
        CodecRegistry.RegisterBuiltInGeneric(definition, type => codecDefinition.MakeGenericType([type, .. type.GetGenericArguments()]), name);
}
