using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>How big a problem is for the backends' limits.</summary>
public static class ProblemSizing
{
    /// <summary>Task-agent variables: one per (task, agent) pair, what <c>max_problem_size</c> limits. A QUBO backend
    /// needs about one qubit per variable, so the same number is checked against <c>max_qubits</c>.</summary>
    public static int TaskAgentVariables(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return (int)Math.Min(int.MaxValue, (long)problem.Tasks.Count * problem.Agents.Count);
    }
}
