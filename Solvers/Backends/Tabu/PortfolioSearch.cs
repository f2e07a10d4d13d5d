namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Runs one tabu worker per thread, each with its own seed, in epochs of a fixed number of move evaluations. At
/// the end of each epoch the workers meet at a barrier and pool their elite solutions, which become everyone's
/// restart points. Because epochs are counted in evaluations, not time, the trajectory of every worker is the
/// same on every run with the same seed and thread count; only the epoch in which the clock stops it varies.
/// </summary>
internal sealed class PortfolioSearch
{
    private readonly AssignmentModel _model;
    private readonly TabuSearchOptions _options;
    private readonly SearchMonitor _monitor;
    private readonly SearchWorker[] _workers;
    private readonly ElitePool _sharedElite;
    private readonly long _iterationCap;
    private readonly long _evaluationCap;
    private bool _stop;

    public PortfolioSearch(AssignmentModel model, TabuSearchOptions options, int seed, int threads, SearchMonitor monitor,
        Func<int, SearchWorker> createWorker)
    {
        _model = model;
        _options = options;
        _monitor = monitor;
        _sharedElite = new ElitePool(options.EliteSize);
        _iterationCap = options.MaxIterations ?? long.MaxValue;
        _evaluationCap = options.MaxEvaluations ?? long.MaxValue;
        _workers = Enumerable.Range(0, threads).Select(k => createWorker(WorkerSeed(seed, k))).ToArray();
    }

    public IReadOnlyList<SearchWorker> Workers => _workers;

    /// <summary>Searches until a termination rule fires; returns the best worker (lowest index among equals).</summary>
    public SearchWorker Run()
    {
        var initial = InitialAssignment.Build(_model);
        foreach (var worker in _workers) worker.Start(initial);
        if (_workers.Length == 1) RunSingle();
        else RunParallel();
        return Best();
    }

    private void RunSingle()
    {
        while (!_stop)
        {
            _workers[0].RunEpoch(_options.EvaluationsPerEpoch, _iterationCap, _evaluationCap);
            Synchronise();
        }
    }

    private void RunParallel()
    {
        using var barrier = new Barrier(_workers.Length, _ => Synchronise());
        var failures = new Exception?[_workers.Length];
        var threads = _workers.Select((worker, k) => new Thread(() => failures[k] = RunWorker(worker, barrier))
        {
            IsBackground = true,
            Name = $"classical-tabu worker {k}",
        }).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        var failed = failures.Where(f => f is not null).ToArray();
        if (failed.Length > 0) throw new AggregateException("A classical-tabu worker failed.", failed!);
    }

    private Exception? RunWorker(SearchWorker worker, Barrier barrier)
    {
        try
        {
            while (!_stop)
            {
                worker.RunEpoch(_options.EvaluationsPerEpoch, _iterationCap, _evaluationCap);
                barrier.SignalAndWait();
            }
            return null;
        }
        catch (Exception e)
        {
            // Leave the barrier so the other workers are not blocked, and make them stop at the next meeting.
            _monitor.Stop(TerminationReason.Cancelled);
            barrier.RemoveParticipant();
            return e;
        }
    }

    /// <summary>Runs alone while all workers wait: pools the elites and decides, once for everyone, whether to stop.</summary>
    private void Synchronise()
    {
        foreach (var worker in _workers) _sharedElite.OfferAll(worker.Elite);
        var snapshot = _sharedElite.Solutions.ToArray();
        foreach (var worker in _workers) worker.ShareElite(snapshot);
        if (_workers.All(w => w.Exhausted(_iterationCap, _evaluationCap))) _monitor.Stop(TerminationReason.Completed);
        _stop = _monitor.ShouldStop();
    }

    private SearchWorker Best()
    {
        var best = _workers[0];
        foreach (var worker in _workers.Skip(1))
        {
            var better = best.BestIsFeasible
                ? worker.BestObjective < best.BestObjective
                : worker.BestIsFeasible || worker.LeastViolation < best.LeastViolation;
            if (better) best = worker;
        }
        return best;
    }

    /// <summary>Distinct, well-spread seeds per worker derived from the user's seed (no process-randomised hashing).</summary>
    private static int WorkerSeed(int seed, int worker)
    {
        unchecked
        {
            var x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)worker * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return (int)(x ^ (x >> 31)) & int.MaxValue;
        }
    }
}
