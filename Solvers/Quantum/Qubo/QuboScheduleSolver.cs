using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qubo.Repair;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// The path every QUBO backend shares: formulate, sample, decode, check every decoded sample with the
/// independent <see cref="FeasibilityChecker"/>, and while no raw sample is feasible raise the weights of only
/// the constraints the lowest-energy sample broke and re-formulate (bounded rounds). The lowest-energy
/// samples of each batch are repaired and polished on the original model; the best checked assignment
/// wins. Sampling repeats with fresh seeds until the time limit or another stop rule (anytime).
/// </summary>
public sealed class QuboScheduleSolver
{
    private const int BatchSeedStride = 1_000_003;

    /// <summary>Share of the time limit the first batch gets even when formulating used up the limit.</summary>
    private const double LateFirstBatchShare = 0.1;

    private readonly IQuboSampler _sampler;
    private readonly QuboSolveSettings _settings;

    public QuboScheduleSolver(IQuboSampler sampler, QuboSolveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _sampler = sampler;
        _settings = settings;
    }

    /// <exception cref="NotSupportedException">The problem needs what the QUBO cannot express (the message says what).</exception>
    public QuboSolveOutcome Solve(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (QuboSupport.RefusalReason(instance) is { } reason)
            throw new NotSupportedException($"The QUBO backends cannot solve problem \"{instance.Problem.Name}\": {reason}.");

        var clock = Stopwatch.StartNew();
        var threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var penalties = _settings.InitialPenalty is { } p ? new QuboPenalties(instance.TaskCount, instance.AgentCount, p) : null;
        var qubo = QuboFormulator.Formulate(instance, penalties);
        // Re-formulating a large QUBO takes a while; a penalty round is only worth it if sampling time remains.
        var formulationTime = clock.Elapsed;
        var incumbent = new Incumbent(instance);

        if (qubo.InfeasibilityReason is not null)
        {
            incumbent.Offer(SampleRefiner.Refine(instance, qubo.Decode(new byte[qubo.VariableCount]).AgentOfTask, 0, options.TimeLimit));
            return Finish(qubo, incumbent, TerminationReason.Infeasible, 0, 0, 0, 0, clock);
        }

        var (rounds, rawFeasible, samples, batches) = (0, 0, 0, 0);
        var lastImprovement = TimeSpan.Zero;
        TerminationReason termination;
        while (true)
        {
            // The first batch always runs, with at least a share of the limit, so that a solve whose formulation
            // alone used up the time (a large QUBO on a loaded machine) still returns a checked answer, late.
            var firstBatch = batches == 0;
            var floor = firstBatch ? options.TimeLimit * LateFirstBatchShare : TimeSpan.Zero;
            var remaining = Max(options.TimeLimit - clock.Elapsed, floor);
            if (cancellationToken.IsCancellationRequested) { termination = TerminationReason.Cancelled; break; }
            if (remaining <= TimeSpan.Zero && !firstBatch) { termination = TerminationReason.TimeLimit; break; }
            if (_settings.MaxBatches is { } max && batches >= max) { termination = TerminationReason.Completed; break; }
            if (options.UnimprovedTimeLimit is { } patience && clock.Elapsed - lastImprovement >= patience) { termination = TerminationReason.UnimprovedTimeLimit; break; }

            var share = firstBatch ? _settings.FirstBatchShare : QuboSolveSettings.LaterBatchShare;
            var request = new QuboSampleRequest(unchecked(options.Seed + batches * BatchSeedStride), remaining * share, threads, StartingStates(qubo, incumbent), qubo.Report.ObjectiveResolution, qubo.Structure);
            // Structure-aware samplers never touch the full model, so it is not built for them.
            var set = _sampler is IStructuredQuboSampler { SamplesStructure: true } structured
                ? structured.Sample(qubo.Structure, request, cancellationToken)
                : _sampler.Sample(qubo.Model, request, cancellationToken);
            batches++;
            samples += set.Samples.Count;
            if (set.Samples.Count == 0) continue;

            var decoded = set.Samples.Select(s => qubo.Decode(s.Bits)).ToArray();
            var checks = decoded.Select(d => FeasibilityChecker.Check(instance, d.AgentOfTask)).ToArray();
            var feasibleNow = Enumerable.Range(0, decoded.Length).Count(i => checks[i].IsFeasible && decoded[i].MultiAssignedTasks.Count == 0);
            rawFeasible += feasibleNow;

            var improved = false;
            var refineBudget = Max(options.TimeLimit - clock.Elapsed, floor * (1 - share)) / Math.Max(1, _settings.RefinedSamplesPerBatch);
            for (var i = 0; i < decoded.Length; i++)
            {
                if (checks[i].IsFeasible && decoded[i].MultiAssignedTasks.Count == 0)
                    improved |= incumbent.Offer(decoded[i].AgentOfTask, checks[i]);
                if (i < _settings.RefinedSamplesPerBatch)
                    improved |= incumbent.Offer(SampleRefiner.Refine(instance, decoded[i].AgentOfTask, _settings.PolishPasses, refineBudget));
            }
            if (improved)
            {
                lastImprovement = clock.Elapsed;
                progress?.Report(new SolveProgress(clock.Elapsed, incumbent.Objective, incumbent.IsFeasible, (int[])incumbent.AgentOfTask!.Clone(), null));
            }
            if (incumbent.IsFeasible && options.TargetObjective is { } target && incumbent.Reaches(target)) { termination = TerminationReason.TargetReached; break; }

            if (rawFeasible == 0 && rounds < _settings.MaxPenaltyRounds)
            {
                var (tasks, agents) = ViolatedConstraints(instance, decoded[0], checks[0]);
                if (tasks.Count + agents.Count > 0 && options.TimeLimit - clock.Elapsed > 2 * formulationTime)
                {
                    qubo = QuboFormulator.Formulate(instance, qubo.Penalties.Raise(tasks, agents, _settings.PenaltyRaiseFactor));
                    rounds++;
                }
            }
        }
        return Finish(qubo, incumbent, termination, rounds, rawFeasible, samples, batches, clock);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The constraints a decoded sample breaks: tasks without exactly one agent, agents over capacity.</summary>
    private static (HashSet<int> Tasks, HashSet<int> Agents) ViolatedConstraints(ProblemInstance instance, QuboDecoding decoded, CheckResult check)
    {
        var tasks = new HashSet<int>(decoded.MultiAssignedTasks);
        var agents = new HashSet<int>();
        foreach (var violation in check.Violations.Where(v => v.IsHard))
        {
            if (violation.Constraint == ConstraintKind.Unassigned)
                foreach (var id in violation.TaskIds) tasks.Add(instance.TaskIndex[id]);
            if (violation.Constraint == ConstraintKind.Capacity)
                foreach (var id in violation.AgentIds) agents.Add(instance.AgentIndex[id]);
        }
        return (tasks, agents);
    }

    private IReadOnlyList<byte[]>? StartingStates(SchedulingQubo qubo, Incumbent incumbent)
    {
        if (!_settings.WarmStartSampler) return null;
        var states = new List<byte[]>();
        if (incumbent.AgentOfTask is { } best && qubo.TryEncode(best) is { } bits) states.Add(bits);
        if (WarmStart(qubo.Instance) is { } warm && qubo.TryEncode(warm) is { } warmBits) states.Add(warmBits);
        return states.Count > 0 ? states : null;
    }

    /// <summary>The problem's initial solution as an index assignment, or null when it names unknown tasks or agents.</summary>
    private static int[]? WarmStart(ProblemInstance instance)
    {
        if (instance.Problem.InitialSolution is not { } initial) return null;
        var agentOfTask = Enumerable.Repeat(-1, instance.TaskCount).ToArray();
        for (var t = 0; t < instance.TaskCount; t++)
            if (instance.PinnedAgent[t] >= 0) agentOfTask[t] = instance.PinnedAgent[t];
        foreach (var assignment in initial)
        {
            if (!instance.TaskIndex.TryGetValue(assignment.TaskId, out var t) || !instance.AgentIndex.TryGetValue(assignment.AgentId, out var a)) return null;
            if (instance.PinnedAgent[t] < 0) agentOfTask[t] = a;
        }
        return agentOfTask;
    }

    private QuboSolveOutcome Finish(SchedulingQubo qubo, Incumbent incumbent, TerminationReason termination, int rounds, int rawFeasible, int samples, int batches, Stopwatch clock)
    {
        var agentOfTask = incumbent.AgentOfTask ?? Enumerable.Repeat(-1, qubo.Instance.TaskCount).ToArray();
        var bits = qubo.TryEncode(agentOfTask);
        var details = new Dictionary<string, string>(qubo.Report.ToDetails())
        {
            ["qubo.sampler"] = _sampler.Name,
            ["qubo.penaltyRounds"] = rounds.ToString(CultureInfo.InvariantCulture),
            ["qubo.batches"] = batches.ToString(CultureInfo.InvariantCulture),
            ["qubo.samples"] = samples.ToString(CultureInfo.InvariantCulture),
            ["qubo.rawFeasibleSamples"] = rawFeasible.ToString(CultureInfo.InvariantCulture),
        };
        if (qubo.InfeasibilityReason is { } why) details["qubo.infeasibility"] = why;
        if (_sampler is IReportingQuboSampler reporting)
            foreach (var (key, value) in reporting.Details) details[key] = value;
        var result = new BackendResult
        {
            AgentOfTask = agentOfTask,
            Termination = termination,
            QuboEnergy = bits is null ? null : qubo.Energy(bits),
            Details = details,
        };
        return new QuboSolveOutcome(result, qubo, rounds, rawFeasible, samples, batches, incumbent.IsFeasible, incumbent.Objective, clock.Elapsed);
    }

    /// <summary>The best checked assignment so far: feasible beats infeasible, then the penalized objective, then fewer violations.</summary>
    private sealed class Incumbent(ProblemInstance instance)
    {
        private readonly double _sign = instance.Sense == ObjectiveSense.Maximize ? -1 : 1;
        private CheckResult? _check;

        public int[]? AgentOfTask { get; private set; }
        public bool IsFeasible => _check?.IsFeasible ?? false;
        public double Objective => _check?.PenalizedObjective ?? double.NaN;

        public bool Reaches(double target) => _sign * Objective <= _sign * target;

        public bool Offer(int[] agentOfTask, CheckResult? check = null)
        {
            check ??= FeasibilityChecker.Check(instance, agentOfTask);
            if (_check is not null && !IsBetter(check, _check)) return false;
            _check = check;
            AgentOfTask = (int[])agentOfTask.Clone();
            return true;
        }

        private bool IsBetter(CheckResult candidate, CheckResult current)
        {
            if (candidate.IsFeasible != current.IsFeasible) return candidate.IsFeasible;
            if (!candidate.IsFeasible && candidate.HardScore != current.HardScore) return candidate.HardScore > current.HardScore;
            return _sign * candidate.PenalizedObjective < _sign * current.PenalizedObjective - 1e-9 * Math.Max(1, Math.Abs(current.PenalizedObjective));
        }
    }
}
