using System.Diagnostics;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Repair;

/// <summary>Turns a decoded sample into the best nearby assignment: greedy repair, then the local-search polish.</summary>
public static class SampleRefiner
{
    /// <summary>The repaired and polished copy of <paramref name="agentOfTask"/> (the input is not changed).</summary>
    /// <param name="instance">The original problem.</param>
    /// <param name="agentOfTask">A decoded sample (-1 = no agent).</param>
    /// <param name="polishPasses">Improvement passes over the shift and swap neighbourhoods; 0 = repair only.</param>
    /// <param name="timeLimit">Bounds the work; placing unassigned tasks always completes, the rest stops when it passes.</param>
    public static int[] Refine(Model.ProblemInstance instance, int[] agentOfTask, int polishPasses, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(agentOfTask);
        var deadline = Stopwatch.GetTimestamp() + (long)(Math.Max(0, timeLimit.TotalSeconds) * Stopwatch.Frequency);
        var state = new AssignmentState(instance, agentOfTask);
        GreedyRepair.Repair(state, deadline);
        LocalSearchPolish.Polish(state, polishPasses, deadline);
        return state.AgentOfTask;
    }
}
