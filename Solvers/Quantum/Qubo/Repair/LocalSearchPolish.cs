using System.Diagnostics;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Repair;

/// <summary>
/// A short first-improvement descent on the original model that never breaks capacity: shift one task to
/// another eligible agent (or, where allowed, in or out of "unassigned"), and swap the agents of two tasks,
/// until no move improves the score, the pass budget is spent or the deadline passes.
/// </summary>
internal static class LocalSearchPolish
{
    private const double Improvement = 1e-9;

    public static void Polish(AssignmentState state, int maxPasses, long deadline)
    {
        for (var pass = 0; pass < maxPasses && Stopwatch.GetTimestamp() < deadline; pass++)
        {
            var improved = Shifts(state);
            improved |= Swaps(state, deadline);
            if (!improved) return;
        }
    }

    private static bool Shifts(AssignmentState state)
    {
        var instance = state.Instance;
        var improved = false;
        for (var t = 0; t < instance.TaskCount; t++)
        {
            if (!state.IsMovable(t)) continue;
            foreach (var a in instance.EligibleAgents[t])
                if (a != state.AgentOfTask[t] && state.Fits(t, a) && state.MoveDelta(t, a) < -Improvement)
                {
                    state.Move(t, a);
                    improved = true;
                }
            if (state.AllowUnassigned && state.AgentOfTask[t] >= 0 && state.MoveDelta(t, -1) < -Improvement)
            {
                state.Move(t, -1);
                improved = true;
            }
        }
        return improved;
    }

    private static bool Swaps(AssignmentState state, long deadline)
    {
        var instance = state.Instance;
        var improved = false;
        for (var t1 = 0; t1 < instance.TaskCount; t1++)
        {
            var a = state.AgentOfTask[t1];
            if (a < 0 || !state.IsMovable(t1)) continue;
            if ((t1 & 63) == 0 && Stopwatch.GetTimestamp() >= deadline) return improved;
            for (var t2 = t1 + 1; t2 < instance.TaskCount; t2++)
            {
                var b = state.AgentOfTask[t2];
                if (b < 0 || b == a || !state.IsMovable(t2) || !instance.IsEligible(t1, b) || !instance.IsEligible(t2, a)) continue;
                if (!state.Fits(t2, a, instance.Load(t1, a)) || !state.Fits(t1, b, instance.Load(t2, b))) continue;
                if (state.SwapDelta(t1, t2) >= -Improvement) continue;
                state.Move(t1, b);
                state.Move(t2, a);
                improved = true;
                a = b;
            }
        }
        return improved;
    }
}
