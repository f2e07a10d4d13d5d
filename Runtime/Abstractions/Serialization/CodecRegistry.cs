using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Serialization.Codecs;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// The process-wide table of codecs and wire type names. Built-in codecs are registered here; generated
/// module initializers add the codecs of <c>[GenerateSerializer]</c> types, invokables and grain interfaces.
/// The name table is the allow-list: a polymorphic value is only read when its type name is registered
/// here (or is an array or a registered generic definition over registered types).
/// </summary>
public static class CodecRegistry
{
    private static readonly ConcurrentDictionary<Type, IFieldCodec> Codecs = new();
    private static readonly ConcurrentDictionary<Type, Func<Type, Type>> GenericCodecs = new();
    private static readonly ConcurrentDictionary<string, Type> TypesByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, string> NamesByType = new();
    private static readonly ConcurrentDictionary<Type, string> FormattedNames = new();
    private static readonly ConcurrentDictionary<string, Type> ParsedNames = new(StringComparer.Ordinal);
    private static readonly HashSet<System.Reflection.Assembly> InitializedAssemblies = new();

    static CodecRegistry() => BuiltInCodecs.Register();

    /// <summary>Registers the codec of <typeparamref name="T"/> and its wire name (<c>[Alias]</c> or full name).
    /// The first registration of a name wins, so two assemblies that both generate an invokable for the same
    /// inherited grain method agree on the wire.</summary>
    public static void Register<T>(IFieldCodec<T> codec, string typeName)
    {
        Codecs[typeof(T)] = codec;
        RegisterName(typeof(T), typeName);
    }

    /// <summary>Registers a codec for every construction of a generic type definition, e.g. <c>Result&lt;&gt;</c> → <c>ResultCodec&lt;&gt;</c>.</summary>
    public static void RegisterGeneric(Type genericDefinition, Type codecDefinition, string typeName)
    {
        ArgumentNullException.ThrowIfNull(genericDefinition);
        ArgumentNullException.ThrowIfNull(codecDefinition);
        if (!genericDefinition.IsGenericTypeDefinition || !codecDefinition.IsGenericTypeDefinition)
            throw new ArgumentException($"{genericDefinition} and {codecDefinition} must both be generic type definitions.");
        GenericCodecs[genericDefinition] = constructed => codecDefinition.MakeGenericType(constructed.GetGenericArguments());
        RegisterName(genericDefinition, typeName);
    }

    /// <summary>Registers a grain interface: references to it travel as grain id plus this name.</summary>
    public static void RegisterGrainInterface<TInterface>(string typeName) where TInterface : class, IAddressable =>
        Register(new GrainReferenceCodec<TInterface>(), typeName);

    /// <summary>Registers a generic grain interface definition (<c>IRepository&lt;&gt;</c>): references to any of
    /// its constructions travel as grain id plus this name with the type arguments.</summary>
    public static void RegisterGenericGrainInterface(Type openGrainInterface, string typeName)
    {
        ArgumentNullException.ThrowIfNull(openGrainInterface);
        if (!openGrainInterface.IsGenericTypeDefinition || !openGrainInterface.IsInterface)
            throw new ArgumentException($"{openGrainInterface} must be a generic interface definition.", nameof(openGrainInterface));
        GenericCodecs[openGrainInterface] = constructed => typeof(GrainReferenceCodec<>).MakeGenericType(constructed);
        RegisterName(openGrainInterface, typeName);
    }

    /// <summary>Lets exceptions of <typeparamref name="TException"/> be rehydrated as their own type.</summary>
    public static void RegisterException<TException>() where TException : Exception =>
        KnownExceptions.Register(typeof(TException));

    /// <summary>The codec of <typeparamref name="T"/>; throws when the type cannot be serialised.</summary>
    public static IFieldCodec<T> GetCodec<T>() => CodecCache<T>.Codec;

    /// <summary>The codec of <paramref name="type"/>; throws a <see cref="WireFormatException"/> naming the
    /// type when it cannot be serialised.</summary>
    public static IFieldCodec GetCodec(Type type) =>
        Codecs.TryGetValue(type, out var codec) ? codec : Codecs.GetOrAdd(type, CreateCodec);

    internal static void RegisterBuiltIn(IFieldCodec codec, string typeName)
    {
        Codecs[codec.ValueType] = codec;
        RegisterName(codec.ValueType, typeName);
    }

    internal static void RegisterBuiltInGeneric(Type genericDefinition, Func<Type, Type> codecType, string typeName)
    {
        GenericCodecs[genericDefinition] = codecType;
        RegisterName(genericDefinition, typeName);
    }

    /// <summary>The type recorded for a polymorphic value: proxies travel as their grain interface, and every
    /// exception through the exception codec (which records the real type itself).</summary>
    internal static Type GetWireType(object value) => value switch
    {
        GrainReference reference => reference.InterfaceType,
        Exception => typeof(Exception),
        _ => value.GetType(),
    };

    internal static string GetTypeName(Type type) =>
        FormattedNames.TryGetValue(type, out var name) ? name : FormattedNames.GetOrAdd(type, FormatTypeName);

    internal static Type ResolveTypeName(string name) =>
        ParsedNames.TryGetValue(name, out var type) ? type : ParsedNames.GetOrAdd(name, ParseTypeName);

    private static void RegisterName(Type type, string typeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        TypesByName.TryAdd(typeName, type);
        NamesByType.TryAdd(type, typeName);
    }

    private static IFieldCodec CreateCodec(Type type)
    {
        RunModuleInitializer(type);
        if (Codecs.TryGetValue(type, out var registered))
            return registered;
        var codecType = SelectCodecType(type)
            ?? throw new WireFormatException($"No codec for {WireFormatException.TypeDisplay(type)}: mark it [GenerateSerializer] (with [Id] members), or use a supported built-in type.");
        return (IFieldCodec)Activator.CreateInstance(codecType)!;
    }

    private static Type? SelectCodecType(Type type)
    {
        if (type.IsSZArray)
            return typeof(ArrayCodec<>).MakeGenericType(type.GetElementType()!);
        if (type.IsEnum)
            return typeof(EnumCodec<>).MakeGenericType(type);
        if (type.IsGenericType && GenericCodecs.TryGetValue(type.GetGenericTypeDefinition(), out var generic))
            return generic(type);
        if (typeof(Exception).IsAssignableFrom(type))
            return typeof(ExceptionCodec<>).MakeGenericType(type);
        if (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
            return typeof(GrainReferenceCodec<>).MakeGenericType(type);
        if (type.IsInterface || (type.IsAbstract && !type.IsSealed))
            return typeof(PolymorphicCodec<>).MakeGenericType(type);
        return null;
    }

    /// <summary>A type's codec is registered by its assembly's module initializer, which the runtime only runs
    /// once code of that assembly executes; a type can be seen before that.</summary>
    /// <summary>A name can arrive before the assembly that registers it has run any code (a subclass in an
    /// assembly nobody touched yet): run the initializers of the assemblies loaded since the last look.</summary>
    /// <returns>Whether any assembly was new.</returns>
    private static bool RunLoadedModuleInitializers()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        lock (InitializedAssemblies)
        {
            var ranAny = false;
            foreach (var assembly in assemblies)
            {
                if (!assembly.IsDynamic && InitializedAssemblies.Add(assembly) && UsesRuntime(assembly))
                {
                    RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
                    ranAny = true;
                }
            }
            return ranAny;
        }
    }

    private static bool UsesRuntime(System.Reflection.Assembly assembly)
    {
        var runtime = typeof(CodecRegistry).Assembly.GetName().Name;
        return assembly == typeof(CodecRegistry).Assembly || Array.Exists(assembly.GetReferencedAssemblies(), name => name.Name == runtime);
    }

    private static void RunModuleInitializer(Type type) =>
        RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);

    private static string FormatTypeName(Type type)
    {
        if (type.IsSZArray)
            return GetTypeName(type.GetElementType()!) + "[]";
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var builder = new StringBuilder(GetTypeName(type.GetGenericTypeDefinition())).Append('[');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
                builder.Append(i == 0 ? "" : ",").Append(GetTypeName(arguments[i]));
            return builder.Append(']').ToString();
        }
        if (NamesByType.TryGetValue(type, out var name))
            return name;
        RunModuleInitializer(type);
        return NamesByType.TryGetValue(type, out name)
            ? name
            : throw new WireFormatException($"{WireFormatException.TypeDisplay(type)} has no wire name, so it cannot be written where its type must be recorded: mark it [GenerateSerializer].");
    }

    private static Type ParseTypeName(string name)
    {
        // Invokable names ("inv:I.M(int,string)") contain commas and are never type arguments: match them whole.
        if (TypesByName.TryGetValue(name, out var registered))
            return registered;
        var position = 0;
        var type = ParseTypeName(name, ref position);
        if (position != name.Length)
            throw new WireFormatException($"Malformed type name \"{name}\" at position {position}.");
        return type;
    }

    private static Type ParseTypeName(string text, ref int position)
    {
        // Invokable names carry a signature in parentheses, which may itself hold brackets and commas.
        var start = position;
        var parentheses = 0;
        while (position < text.Length && (parentheses > 0 || text[position] is not ('[' or ']' or ',')))
        {
            parentheses += text[position] switch { '(' => 1, ')' => -1, _ => 0 };
            position++;
        }
        var simpleName = text[start..position];
        if (!TypesByName.TryGetValue(simpleName, out var type) && !(RunLoadedModuleInitializers() && TypesByName.TryGetValue(simpleName, out type)))
            throw new WireFormatException($"Type \"{simpleName}\" is not known to this process, so it is not deserialised (only registered types are allowed).");

        if (position < text.Length && text[position] == '[' && (position + 1 >= text.Length || text[position + 1] != ']'))
        {
            position++;
            var arguments = new List<Type>();
            while (true)
            {
                arguments.Add(ParseTypeName(text, ref position));
                if (position >= text.Length)
                    throw new WireFormatException($"Malformed type name \"{text}\": missing ']'.");
                if (text[position++] == ']')
                    break;
            }
            if (!type.IsGenericTypeDefinition || type.GetGenericArguments().Length != arguments.Count)
                throw new WireFormatException($"Malformed type name \"{text}\": {simpleName} does not take {arguments.Count} type arguments.");
            try
            {
                type = type.MakeGenericType(arguments.ToArray());
            }
            catch (ArgumentException e)
            {
                throw new WireFormatException($"Type name \"{text}\" violates the constraints of {simpleName}.", e);
            }
        }
        while (position + 1 < text.Length && text[position] == '[' && text[position + 1] == ']')
        {
            type = type.MakeArrayType();
            position += 2;
        }
        return type;
    }
}
