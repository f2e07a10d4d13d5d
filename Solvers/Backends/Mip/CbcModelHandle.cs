using Microsoft.Win32.SafeHandles;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>Owns one native <c>Cbc_Model</c>; releasing it calls <c>Cbc_deleteModel</c>.</summary>
internal sealed class CbcModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CbcModelHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        CbcNative.Cbc_deleteModel(handle);
        return true;
    }
}
