using System.Runtime.InteropServices;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// The subset of CBC 2.10's C API (<c>Cbc_C_Interface.h</c>) that the MIP backend uses. Calls resolve through
/// <see cref="CbcLibrary"/>, so a missing library surfaces as <see cref="CbcLibrary.Availability"/>, never as a
/// <see cref="DllNotFoundException"/> from here (callers check availability first).
/// </summary>
internal static partial class CbcNative
{
    /// <summary>
    /// The library the declarations bind to. <see cref="CbcLibrary"/>'s import resolver maps it to the handle it
    /// validated; being the real soname, it also resolves by default probing if another resolver owns the assembly.
    /// </summary>
    public const string LibraryName = CbcLibrary.DefaultFileName;

    [LibraryImport(LibraryName)]
    public static partial CbcModelHandle Cbc_newModel();

    [LibraryImport(LibraryName)]
    public static partial void Cbc_deleteModel(IntPtr model);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Cbc_getVersion();

    [LibraryImport(LibraryName)]
    public static unsafe partial void Cbc_loadProblem(
        CbcModelHandle model, int numCols, int numRows,
        int* start, int* index, double* value,
        double* colLower, double* colUpper, double* objective,
        double* rowLower, double* rowUpper);

    [LibraryImport(LibraryName)]
    public static partial void Cbc_setInteger(CbcModelHandle model, int column);

    [LibraryImport(LibraryName)]
    public static partial void Cbc_setObjSense(CbcModelHandle model, double sense);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Cbc_setParameter(CbcModelHandle model, string name, string value);

    [LibraryImport(LibraryName)]
    public static unsafe partial void Cbc_setMIPStartI(CbcModelHandle model, int count, int* columns, double* values);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial void Cbc_addCutCallback(
        CbcModelHandle model, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> callback, string name, IntPtr appData);

    [LibraryImport(LibraryName)]
    public static unsafe partial void Cbc_registerCallBack(
        CbcModelHandle model, delegate* unmanaged[Cdecl]<IntPtr, int, int, double*, int, int*, int, IntPtr, void> callback);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_solve(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_getNumCols(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Cbc_bestSolution(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial double Cbc_getObjValue(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial double Cbc_getBestPossibleObjValue(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isProvenOptimal(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_isProvenInfeasible(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_secondaryStatus(CbcModelHandle model);

    [LibraryImport(LibraryName)]
    public static partial int Cbc_getNodeCount(CbcModelHandle model);

    // Called from inside the cut callback on CBC's own solver and cut-set objects (raw pointers, not models).
    [LibraryImport(LibraryName)]
    public static partial int Osi_getNumCols(IntPtr osiSolver);

    [LibraryImport(LibraryName)]
    public static partial IntPtr Osi_getColUpper(IntPtr osiSolver);

    [LibraryImport(LibraryName)]
    public static unsafe partial void OsiCuts_addRowCut(IntPtr osiCuts, int count, int* columns, double* coefficients, byte sense, double rhs);
}
