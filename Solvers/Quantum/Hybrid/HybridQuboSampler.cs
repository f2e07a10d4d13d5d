using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// qbsolv / dwave-hybrid style decomposition: one-flip tabu search on the whole QUBO, then passes that cut the
/// variables into energy-impact windows of at most k, solve each window with the others clamped (by an
/// <see cref="IQuboSubproblemSolver"/>), merge the window's answer back when it lowers the full energy, and run
/// tabu again; a read ends after its pass budget, when passes stop improving, or at the deadline.
/// </summary>
public sealed class HybridQuboSampler : IStructuredQuboSampler
{
    /// <summary>Passes of the shift descent that brings a read's start to a local minimum before the first tabu.</summary>
    private const int DescentPasses = 50;

    private readonly HybridSamplerOptions _options;
    private readonly IQuboSubproblemSolver _subSolver;

    public HybridQuboSampler(HybridSamplerOptions options, IQuboSubproblemSolver subSolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(subSolver);
        options.Validate();
        _options = options;
        _subSolver = subSolver;
    }

    public string Name => $"hybrid(tabu+{_subSolver.Name})";

    public bool SamplesStructure => _options.OneHotMoves;

    public QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (_options.OneHotMoves && request.Structure is { } structure)
        {
            if (structure.Residual.VariableCount != model.VariableCount)
                throw new ArgumentException("The request's structure belongs to a model of another size.", nameof(request));
            return Sample(structure, request, cancellationToken);
        }
        return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double _) =>
            Solve(model, request, read, ref random, deadline, cancellationToken), cancellationToken);
    }

    /// <summary>The one-hot tabu and window decomposition on the model the structure describes.</summary>
    public QuboSampleSet Sample(QuboAssignmentStructure structure, QuboSampleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(request);
        return ParallelReads.Run(_options.Reads, request, (int read, ref Xoshiro256 random, long deadline, double _) =>
            SolveOneHot(structure, request, read, ref random, deadline, cancellationToken), cancellationToken);
    }

    private QuboSample Solve(QuboModel model, QuboSampleRequest request, int read, ref Xoshiro256 random, long deadline, CancellationToken cancellationToken)
    {
        var n = model.VariableCount;
        var k = Math.Min(_options.SubproblemSize, _subSolver.MaxVariables);
        var tabuSteps = Math.Max(1, _options.TabuStepsPerVariable * n);
        var x = new byte[n];
        var field = new double[n];
        ParallelReads.InitialState(request, read, x, ref random);
        model.ComputeFields(x, field);
        var energy = QuboTabuSearch.Run(model, x, field, model.Energy(x), tabuSteps, tabuSteps, deadline, cancellationToken);
        var best = (byte[])x.Clone();
        var bestEnergy = energy;
        var decomposer = new EnergyImpactDecomposer(model);

        var unimproved = 0;
        for (var pass = 0; pass < _options.MaxPasses && unimproved < _options.UnimprovedPasses; pass++)
        {
            var order = decomposer.ImpactOrder(x, field);
            for (var start = 0; start < n; start += k)
            {
                if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) return Result(model, best);
                var window = order.AsSpan(start, Math.Min(k, n - start));
                var sub = decomposer.Subproblem(window, x, field);
                var current = new byte[window.Length];
                for (var p = 0; p < window.Length; p++) current[p] = x[window[p]];
                var answer = _subSolver.Solve(sub, current, (int)random.NextUInt64(), request.EnergyResolution, cancellationToken);
                energy += Merge(model, x, field, window, answer);
            }
            energy = QuboTabuSearch.Run(model, x, field, energy, tabuSteps, tabuSteps, deadline, cancellationToken);
            if (energy < bestEnergy - 1e-9 * Math.Max(1, Math.Abs(bestEnergy)))
            {
                bestEnergy = energy;
                x.CopyTo(best, 0);
                unimproved = 0;
            }
            else unimproved++;
        }
        return Result(model, best);
    }

    /// <summary>
    /// The same loop inside the one-hot subspace of a scheduling QUBO: one-hot tabu (<see cref="OneHotTabuSearch"/>)
    /// on the whole, then passes of constraint-aware windows (<see cref="OneHotDecomposer"/>) seeded in impact order,
    /// each solved by the sub-solver with the rest clamped and merged when the full energy drops.
    /// </summary>
    private QuboSample SolveOneHot(QuboAssignmentStructure structure, QuboSampleRequest request, int read, ref Xoshiro256 random, long deadline, CancellationToken cancellationToken)
    {
        var k = Math.Min(_options.SubproblemSize, _subSolver.MaxVariables);
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random), _options.LinearOverloadGuidance);
        var tabuSteps = Math.Max(1, _options.TabuStepsPerVariable * structure.TaskCount);
        OneHotDescent.Run(state, DescentPasses, deadline);
        OneHotTabuSearch.Run(state, tabuSteps, tabuSteps, _options.PairsPerStep, _options.Oscillation, ref random, deadline, cancellationToken);
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.ModelEnergy;
        var decomposer = new OneHotDecomposer(structure);

        var unimproved = 0;
        var movable = structure.MovableTasks();
        var perturbed = Math.Max(1, (int)Math.Round(_options.PerturbationShare * movable.Length));
        for (var pass = 0; pass < _options.MaxPasses && unimproved < _options.UnimprovedPasses; pass++)
        {
            // A pass that did not improve leaves the state in the best one's basin: restart from the best with a
            // few random reassignments instead (as the classical tabu restarts from a perturbed elite solution).
            if (unimproved > 0 && _options.PerturbationShare > 0) Perturb(state, best, movable, perturbed, ref random);
            var order = decomposer.ImpactOrder(state);
            var covered = new bool[structure.TaskCount];
            foreach (var seed in order)
            {
                if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) return OneHotResult(structure, best);
                if (covered[seed] || decomposer.Build(state, seed, order, k) is not { } window) continue;
                foreach (var t in window.Tasks) covered[t] = true;
                var (sub, current) = decomposer.Subproblem(state, window);
                var answer = _subSolver.Solve(sub, current, (int)random.NextUInt64(), request.EnergyResolution, cancellationToken);
                decomposer.Merge(state, window, answer);
            }
            OneHotTabuSearch.Run(state, tabuSteps, tabuSteps, _options.PairsPerStep, _options.Oscillation, ref random, deadline, cancellationToken);
            if (state.ModelEnergy < bestEnergy - 1e-9 * Math.Max(1, Math.Abs(bestEnergy)))
            {
                bestEnergy = state.ModelEnergy;
                state.VariableOfTask.CopyTo(best, 0);
                unimproved = 0;
            }
            else unimproved++;
        }
        return OneHotResult(structure, best);
    }

    /// <summary>Moves the state to <paramref name="best"/>, then sends <paramref name="count"/> random tasks to random other options.</summary>
    private static void Perturb(OneHotState state, int[] best, int[] movable, int count, ref Xoshiro256 random)
    {
        var structure = state.Structure;
        for (var t = 0; t < best.Length; t++)
            if (state.VariableOfTask[t] != best[t]) state.Shift(t, best[t]);
        for (var i = 0; i < count && movable.Length > 0; i++)
        {
            var task = movable[random.NextInt(movable.Length)];
            var own = structure.TaskVariables(task);
            var pick = random.NextInt(own.Count + (structure.ExactlyOne ? 0 : 1));
            state.Shift(task, pick < own.Count ? own[pick] : -1);
        }
    }

    private static QuboSample OneHotResult(QuboAssignmentStructure structure, int[] best) =>
        new(structure.ToBits(best), new OneHotState(structure, best).Energy);

    /// <summary>Applies the window's answer if it lowers the energy, otherwise restores x; returns the energy change.</summary>
    private static double Merge(QuboModel model, byte[] x, double[] field, ReadOnlySpan<int> window, byte[] answer)
    {
        var delta = 0.0;
        var changed = new List<int>();
        for (var p = 0; p < window.Length; p++)
        {
            if (x[window[p]] == answer[p]) continue;
            delta += model.Flip(x, field, window[p]);
            changed.Add(window[p]);
        }
        if (delta < 0) return delta;
        foreach (var i in changed) model.Flip(x, field, i);
        return 0;
    }

    private static QuboSample Result(QuboModel model, byte[] best) => new(best, model.Energy(best));
}
