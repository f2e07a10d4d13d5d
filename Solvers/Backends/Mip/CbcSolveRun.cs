namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// One <c>Cbc_solve</c> on a dedicated thread. The run owns its native model and stop signal and frees them only
/// when CBC has returned, so a caller that gives up waiting (see <see cref="ClassicalMipBackend"/>) never frees
/// memory CBC still uses. The caller must hold <see cref="CbcSolveGate"/>; the run leaves it when CBC returns.
/// </summary>
internal sealed class CbcSolveRun
{
    // CBC's branch-and-bound recurses; give it more room than a pool thread's default stack.
    private const int StackBytes = 16 * 1024 * 1024;

    private readonly MipModel _model;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _parameters;
    private readonly IReadOnlyList<int> _startColumns;
    private readonly CbcStopSignal _stop = new();
    private readonly CbcSearchMonitor? _monitor;
    private readonly TaskCompletionSource<CbcOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="model">The MIP to load.</param>
    /// <param name="parameters">CBC command-line parameters, in order.</param>
    /// <param name="startColumns">Assignment columns of the MIP start (set to 1).</param>
    /// <param name="target">See <see cref="SolveOptions.TargetObjective"/>.</param>
    /// <param name="unimproved">See <see cref="SolveOptions.UnimprovedTimeLimit"/>.</param>
    public CbcSolveRun(MipModel model, IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<int> startColumns, double? target, TimeSpan? unimproved)
    {
        _model = model;
        _parameters = parameters;
        _startColumns = startColumns;
        // Only watch messages when a rule needs it: CBC then prints its message stream to standard output.
        _monitor = !CbcSearchMonitor.IsNeeded(target, unimproved) ? null : new CbcSearchMonitor(_stop, model.Maximize, target, unimproved);
    }

    public Task<CbcOutcome> Completion => _completion.Task;

    /// <summary>The target or unimproved-time rule that stopped CBC, or null.</summary>
    public TerminationReason? StoppedByRule => _monitor?.StoppedBy;

    public Task<CbcOutcome> Start()
    {
        var thread = new Thread(Run, StackBytes) { IsBackground = true, Name = "cbc-solve" };
        thread.Start();
        return Completion;
    }

    /// <summary>Asks CBC to end its search at the next node; see <see cref="CbcStopSignal"/> for what that can and cannot interrupt.</summary>
    public void RequestStop() => _stop.Request();

    private void Run()
    {
        try
        {
            using var handle = CbcNative.Cbc_newModel();
            Load(handle);
            foreach (var (name, value) in _parameters)
                CbcNative.Cbc_setParameter(handle, name, value);
            SetStart(handle);
            unsafe
            {
                CbcNative.Cbc_addCutCallback(handle, CbcStopSignal.Callback, "stop-signal", _stop.Cookie);
                if (_monitor is not null)
                    CbcNative.Cbc_registerCallBack(handle, CbcSearchMonitor.Callback);
            }
            _monitor?.Attach(handle.DangerousGetHandle());
            try
            {
                CbcNative.Cbc_solve(handle);
            }
            finally
            {
                _monitor?.Detach(handle.DangerousGetHandle());
            }
            _completion.SetResult(Read(handle));
        }
        catch (Exception e)
        {
            _completion.SetException(e);
        }
        finally
        {
            _stop.Dispose();
            CbcSolveGate.Exit();
        }
    }

    private unsafe void Load(CbcModelHandle handle)
    {
        var m = _model;
        fixed (int* start = m.ColumnStart, index = m.RowIndex)
        fixed (double* value = m.Value, colLower = m.ColumnLower, colUpper = m.ColumnUpper, objective = m.Objective)
        fixed (double* rowLower = m.RowLower, rowUpper = m.RowUpper)
        {
            CbcNative.Cbc_loadProblem(handle, m.ColumnCount, m.RowCount, start, index, value, colLower, colUpper, objective, rowLower, rowUpper);
        }
        for (var c = 0; c < m.ColumnCount; c++)
        {
            if (m.IsInteger[c])
                CbcNative.Cbc_setInteger(handle, c);
        }
        CbcNative.Cbc_setObjSense(handle, m.Maximize ? -1 : 1);
    }

    private unsafe void SetStart(CbcModelHandle handle)
    {
        if (_startColumns.Count == 0)
            return;
        var columns = _startColumns.ToArray();
        var values = Enumerable.Repeat(1.0, columns.Length).ToArray();
        fixed (int* c = columns)
        fixed (double* v = values)
        {
            CbcNative.Cbc_setMIPStartI(handle, columns.Length, c, v);
        }
    }

    private static unsafe CbcOutcome Read(CbcModelHandle handle)
    {
        var best = (double*)CbcNative.Cbc_bestSolution(handle);
        var solution = best is null ? null : new ReadOnlySpan<double>(best, CbcNative.Cbc_getNumCols(handle)).ToArray();
        return new CbcOutcome(
            solution,
            CbcNative.Cbc_getObjValue(handle),
            CbcNative.Cbc_getBestPossibleObjValue(handle),
            CbcNative.Cbc_isProvenOptimal(handle) != 0,
            CbcNative.Cbc_isProvenInfeasible(handle) != 0,
            CbcNative.Cbc_secondaryStatus(handle),
            CbcNative.Cbc_getNodeCount(handle));
    }
}
