using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Stops a running <c>Cbc_solve</c> from another thread. CBC 2.10's C API has no event handler or interrupt call,
/// but it runs user cut callbacks at every node; once <see cref="Request"/> is called the callback adds a cut that
/// no point satisfies (x_j ≥ upper(x_j) + 1), so every remaining node is pruned and the search ends quickly with
/// its incumbent intact. Afterwards CBC reports the search as complete: its optimality claim and bound are then
/// meaningless, which is why the caller must consult <see cref="IsRequested"/> before trusting them.
/// It cannot interrupt work that runs no cut round (preprocessing, the root LP, the feasibility pump).
/// </summary>
internal sealed class CbcStopSignal : IDisposable
{
    private GCHandle _self;
    private volatile bool _requested;

    public CbcStopSignal() => _self = GCHandle.Alloc(this, GCHandleType.Normal);

    public bool IsRequested => _requested;

    /// <summary>The <c>appData</c> pointer CBC hands back to <see cref="Callback"/>.</summary>
    public IntPtr Cookie => GCHandle.ToIntPtr(_self);

    public static unsafe delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> Callback => &OnCutRound;

    public void Request() => _requested = true;

    /// <summary>Must only be called once CBC can no longer call back (after <c>Cbc_solve</c> returned).</summary>
    public void Dispose()
    {
        if (_self.IsAllocated)
            _self.Free();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnCutRound(IntPtr osiSolver, IntPtr osiCuts, IntPtr cookie)
    {
        // An exception escaping into native code would kill the process, so nothing may throw past here.
        try
        {
            if (GCHandle.FromIntPtr(cookie).Target is not CbcStopSignal { IsRequested: true })
                return;
            var columns = CbcNative.Osi_getNumCols(osiSolver);
            var upper = (double*)CbcNative.Osi_getColUpper(osiSolver);
            for (var j = 0; j < columns; j++)
            {
                if (upper[j] >= 1e20)
                    continue;
                var coefficient = 1.0;
                CbcNative.OsiCuts_addRowCut(osiCuts, 1, &j, &coefficient, (byte)'G', upper[j] + 1);
                return;
            }
        }
        catch
        {
            // Not stopping is the safe failure: the watchdog abandons a run that does not end.
        }
    }
}
