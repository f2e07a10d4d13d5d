using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using QuantumScheduler.Runtime.Manifest;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// The grain classes this process knows (registered by generated code) by grain type, and which grain type
/// serves a grain interface. Lookups on the call path are dictionary reads; a miss re-reads the manifest,
/// since an assembly's module initializer registers its classes only once that assembly is loaded.
/// </summary>
internal sealed class GrainClassRegistry : GrainReferences.IGrainTypeResolver
{
    private readonly ConcurrentDictionary<string, GrainClassDescriptor> _byGrainType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), string> _grainTypeByInterface = new();
    private readonly object _refreshLock = new();

    public GrainClassRegistry() => Refresh();

    public bool TryGet(string grainType, out GrainClassDescriptor grainClass)
    {
        if (_byGrainType.TryGetValue(grainType, out grainClass!))
            return true;
        Refresh();
        return _byGrainType.TryGetValue(grainType, out grainClass!);
    }

    public IReadOnlyCollection<GrainClassDescriptor> GrainClasses => _byGrainType.Values.ToArray();

    /// <summary>The grain type implementing <paramref name="grainInterface"/>: the only class implementing it,
    /// or the one whose full name starts with <paramref name="grainClassNamePrefix"/>.</summary>
    public string ResolveGrainType(Type grainInterface, string? grainClassNamePrefix)
    {
        if (_grainTypeByInterface.TryGetValue((grainInterface, grainClassNamePrefix), out var grainType))
            return grainType;
        grainType = FindGrainType(grainInterface, grainClassNamePrefix) ?? (Refresh() ? FindGrainType(grainInterface, grainClassNamePrefix) : null)
            ?? throw new ArgumentException(
                $"No grain class implements {grainInterface.FullName}{(grainClassNamePrefix is null ? "" : $" with a class name starting with \"{grainClassNamePrefix}\"")}. " +
                "Is the assembly with the grain class loaded and built with the QuantumScheduler code generator?", nameof(grainInterface));
        _grainTypeByInterface[(grainInterface, grainClassNamePrefix)] = grainType;
        return grainType;
    }

    private string? FindGrainType(Type grainInterface, string? prefix)
    {
        string? found = null;
        var candidates = new List<string>();
        foreach (var grainClass in _byGrainType.Values)
        {
            if (!grainClass.Interfaces.Contains(grainInterface))
                continue;
            if (prefix is not null && !(grainClass.GrainClass.FullName ?? "").StartsWith(prefix, StringComparison.Ordinal))
                continue;
            candidates.Add(grainClass.GrainClass.FullName!);
            found = grainClass.GrainType;
        }
        if (candidates.Count > 1)
            throw new ArgumentException(
                $"Several grain classes implement {grainInterface.FullName} ({string.Join(", ", candidates.Order())}); pass a grainClassNamePrefix to choose one.", nameof(grainInterface));
        return found;
    }

    /// <summary>Loads the assemblies the application references and re-reads the manifest. True if it grew.</summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            var before = _byGrainType.Count;
            GrainAssemblyLoader.LoadApplicationAssemblies();
            foreach (var grainClass in GeneratedCodeManifest.GetGrainClasses())
            {
                var existing = _byGrainType.GetOrAdd(grainClass.GrainType, grainClass);
                if (existing.GrainClass != grainClass.GrainClass)
                    throw new InvalidOperationException(
                        $"Grain classes {existing.GrainClass.FullName} and {grainClass.GrainClass.FullName} both have grain type \"{grainClass.GrainType}\"; give one a different [GrainType].");
            }
            return _byGrainType.Count > before;
        }
    }
}

/// <summary>Makes sure generated registrations have run: loads the entry assembly's references (transitively)
/// and runs every loaded assembly's module initializer.</summary>
internal static class GrainAssemblyLoader
{
    private static readonly ConcurrentDictionary<string, bool> Visited = new(StringComparer.Ordinal);

    public static void LoadApplicationAssemblies()
    {
        if (Assembly.GetEntryAssembly() is { } entry)
            LoadReferences(entry);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && ReferencesRuntime(assembly))
                RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
    }

    private static void LoadReferences(Assembly assembly)
    {
        if (!Visited.TryAdd(assembly.FullName ?? assembly.GetName().Name!, true))
            return;
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (IsFrameworkAssembly(reference.Name))
                continue;
            try
            {
                LoadReferences(Assembly.Load(reference));
            }
            catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                // A reference that is not deployed cannot hold grains this process can run.
            }
        }
    }

    private static bool ReferencesRuntime(Assembly assembly) =>
        assembly.GetName().Name == typeof(IGrain).Assembly.GetName().Name
        || assembly.GetReferencedAssemblies().Any(static reference => reference.Name == typeof(IGrain).Assembly.GetName().Name);

    private static bool IsFrameworkAssembly(string? name) =>
        name is null || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name is "netstandard" or "mscorlib" || name.StartsWith("xunit", StringComparison.Ordinal);
}
