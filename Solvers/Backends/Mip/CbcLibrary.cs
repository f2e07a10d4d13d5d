using System.Reflection;
using System.Runtime.InteropServices;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Finds CBC's C library at run time. The P/Invoke declarations in <see cref="CbcNative"/> use a logical name that
/// this type's import resolver maps to the handle it loaded, so a missing or wrong library becomes an
/// <see cref="Availability"/> with a reason instead of a <see cref="DllNotFoundException"/> mid-solve.
/// </summary>
internal sealed class CbcLibrary
{
    /// <summary>The Debian coinor-libcbc3 soname of CBC 2.10.</summary>
    public const string DefaultFileName = "libCbcSolver.so.3";

    // Every entry point the backend calls: a library without them (another CBC generation) is refused up front.
    private static readonly string[] RequiredExports =
    [
        "Cbc_newModel", "Cbc_deleteModel", "Cbc_getVersion", "Cbc_loadProblem", "Cbc_setInteger", "Cbc_setObjSense",
        "Cbc_setParameter", "Cbc_setMIPStartI", "Cbc_addCutCallback", "Cbc_registerCallBack", "Cbc_solve", "Cbc_getNumCols", "Cbc_bestSolution",
        "Cbc_getObjValue", "Cbc_getBestPossibleObjValue", "Cbc_isProvenOptimal", "Cbc_isProvenInfeasible",
        "Cbc_secondaryStatus", "Cbc_getNodeCount", "Osi_getNumCols", "Osi_getColUpper", "OsiCuts_addRowCut",
    ];

    private static readonly Lock ResolverLock = new();
    private static bool s_resolverInstalled;

    private readonly Lazy<(IntPtr Handle, BackendAvailability Availability)> _loaded;

    public CbcLibrary(string fileName)
    {
        FileName = fileName;
        _loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The library the backend uses in production.</summary>
    public static CbcLibrary Default { get; } = new(DefaultFileName);

    public string FileName { get; }

    public BackendAvailability Availability => _loaded.Value.Availability;

    /// <summary>Makes the P/Invoke declarations bind to <see cref="Default"/>. Only the default library is ever bound.</summary>
    public static void EnsureResolverInstalled()
    {
        lock (ResolverLock)
        {
            if (s_resolverInstalled)
                return;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(CbcLibrary).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // Another part of this assembly owns the resolver; the soname still loads by default probing.
            }
            s_resolverInstalled = true;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != CbcNative.LibraryName)
            return IntPtr.Zero;
        var (handle, availability) = Default._loaded.Value;
        return availability.IsAvailable ? handle : IntPtr.Zero;
    }

    private (IntPtr, BackendAvailability) Load()
    {
        if (!NativeLibrary.TryLoad(FileName, out var handle))
            return (IntPtr.Zero, BackendAvailability.Unavailable($"{FileName} not found (install coinor-libcbc3)"));

        var missing = RequiredExports.Where(name => !NativeLibrary.TryGetExport(handle, name, out _)).ToArray();
        if (missing.Length > 0)
        {
            NativeLibrary.Free(handle);
            return (IntPtr.Zero, BackendAvailability.Unavailable(
                $"{FileName} lacks {string.Join(", ", missing)} (CBC 2.10's C API is needed; install coinor-libcbc3)"));
        }
        return (handle, BackendAvailability.Available);
    }
}
