using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// First-improvement descent by one-hot shifts on the QUBO's energy: each pass offers every task its best shift
/// and takes it when it lowers the energy. A pass costs one tabu step's shift evaluations but moves up to every
/// task, so a random start reaches a local minimum (usually without overloads) in a few passes instead of one
/// tabu step per task — which on large instances was most of the time limit.
/// </summary>
internal static class OneHotDescent
{
    public static void Run(OneHotState state, int maxPasses, long deadline)
    {
        var structure = state.Structure;
        var movable = structure.MovableTasks();
        for (var pass = 0; pass < maxPasses && Stopwatch.GetTimestamp() < deadline; pass++)
        {
            var improved = false;
            foreach (var t in movable)
            {
                var own = structure.TaskVariables(t);
                var (to, bestDelta) = (state.VariableOfTask[t], -1e-9 * Math.Max(1, Math.Abs(state.Energy)));
                for (var p = -1; p < own.Count; p++)
                {
                    var v = p < 0 ? -1 : own[p];
                    if (v == state.VariableOfTask[t] || (v < 0 && structure.ExactlyOne)) continue;
                    var delta = state.ShiftDelta(t, v);
                    if (delta < bestDelta) (to, bestDelta) = (v, delta);
                }
                if (to == state.VariableOfTask[t]) continue;
                state.Shift(t, to);
                improved = true;
            }
            if (!improved) return;
        }
    }
}
