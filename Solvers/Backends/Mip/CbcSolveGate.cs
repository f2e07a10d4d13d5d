namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Lets one <c>Cbc_solve</c> run at a time in the process. CBC 2.10's <c>Cbc_solve</c> goes through <c>CbcMain1</c>,
/// whose command-line reader keeps global state: concurrent solves on separate models were measured to corrupt each
/// other (a solve returned without searching). Parallelism belongs inside one solve (<see cref="SolveOptions.Threads"/>).
/// </summary>
internal static class CbcSolveGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Waits for the gate; false when <paramref name="timeout"/> passed or the wait was cancelled.</summary>
    public static async Task<bool> EnterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await Gate.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Called by the solve thread once CBC has returned, even if its caller stopped waiting long before.</summary>
    public static void Exit() => Gate.Release();
}
