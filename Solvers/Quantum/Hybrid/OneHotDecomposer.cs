using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// Constraint-aware decomposition of a scheduling QUBO for the hybrid: a window is a few agents (the seed task's
/// agent and the agent its best shift goes to) with tasks they hold, taken by energy impact (best shift gain
/// first), and the window's QUBO has their x[t,a] for those agents plus the agents' slack bits free — at most k
/// variables — with everything else clamped. Because each task of the window sits on one of the window's
/// agents, its other variables are clamped at 0 and the window's QUBO keeps its one-hot and capacity terms
/// exactly; an answer is merged back through exact one-hot moves only when it lowers the full energy.
/// </summary>
internal sealed class OneHotDecomposer(QuboAssignmentStructure structure)
{
    /// <summary>A window: its tasks and agents, and its variables (assignment variables first, then slack bits).</summary>
    public sealed record Window(int[] Tasks, int[] Agents, int[] Variables, int AssignmentVariables);

    /// <summary>Movable tasks by the gain of their best shift, largest first (ties by index, so runs reproduce).</summary>
    public int[] ImpactOrder(OneHotState state)
    {
        var tasks = Enumerable.Range(0, structure.TaskCount).Where(t => structure.TaskVariables(t).Count > 0).ToArray();
        var gain = new double[tasks.Length];
        for (var k = 0; k < tasks.Length; k++)
        {
            var best = double.PositiveInfinity;
            foreach (var v in structure.TaskVariables(tasks[k]))
                if (v != state.VariableOfTask[tasks[k]]) best = Math.Min(best, state.ShiftDelta(tasks[k], v));
            gain[k] = best;
        }
        Array.Sort(gain, tasks);
        return tasks;
    }

    /// <summary>
    /// The window around a seed task, or null when the seed has no agent or nowhere to go: its agent and its best
    /// shift's agent, then tasks on those agents in impact order while the variables fit in k.
    /// </summary>
    public Window? Build(OneHotState state, int seed, int[] impactOrder, int maxVariables)
    {
        var from = state.VariableOfTask[seed];
        if (from < 0) return null;
        var (target, bestDelta) = (-1, double.PositiveInfinity);
        foreach (var v in structure.TaskVariables(seed))
            if (v != from && state.ShiftDelta(seed, v) is var d && d < bestDelta) (target, bestDelta) = (v, d);
        if (target < 0) return null;
        int[] agents = [structure.AgentOfVariable[from], structure.AgentOfVariable[target]];
        var slackBits = agents.Sum(a => structure.Capacity(a)?.SlackWeights.Length ?? 0);

        var tasks = new List<int>();
        var variables = new List<int>();
        foreach (var t in impactOrder.Prepend(seed))
        {
            var v = state.VariableOfTask[t];
            if (v < 0 || Array.IndexOf(agents, structure.AgentOfVariable[v]) < 0 || tasks.Contains(t)) continue;
            var own = agents.Select(a => structure.VariableAt(t, a)).Where(x => x >= 0).ToArray();
            if (variables.Count + own.Length + slackBits > maxVariables) break;
            tasks.Add(t);
            variables.AddRange(own);
        }
        if (tasks.Count == 0) return null;
        var assignmentVariables = variables.Count;
        foreach (var a in agents)
            if (structure.Capacity(a) is { } encoding)
                variables.AddRange(Enumerable.Range(encoding.FirstSlackVariable, encoding.SlackWeights.Length));
        return new Window(tasks.ToArray(), agents, variables.ToArray(), assignmentVariables);
    }

    /// <summary>
    /// The window's QUBO with everything else clamped at the state (slack of the window's agents free), and the
    /// window's current bits. Its energy differs from the full model's by a constant.
    /// </summary>
    public (QuboModel Model, byte[] Current) Subproblem(OneHotState state, Window window)
    {
        var local = new Dictionary<int, int>(window.Variables.Length);
        for (var p = 0; p < window.Variables.Length; p++) local[window.Variables[p]] = p;
        var builder = new QuboBuilder(window.Variables.Length);
        var current = new byte[window.Variables.Length];
        var residual = structure.Residual;

        // Residual part: a window variable's field minus its set window neighbours, and the couplings inside.
        for (var p = 0; p < window.AssignmentVariables; p++)
        {
            var v = window.Variables[p];
            current[p] = state.IsSet(v) ? (byte)1 : (byte)0;
            var h = state.ResidualField(v);
            for (var k = residual.RowStart[v]; k < residual.RowStart[v + 1]; k++)
            {
                if (!local.TryGetValue(residual.Neighbor[k], out var q)) continue;
                if (state.IsSet(residual.Neighbor[k])) h -= residual.Weight[k];
                if (q > p) builder.AddQuadratic(p, q, residual.Weight[k]);
            }
            builder.AddLinear(p, h);
        }

        // Capacity part: P·(window load + slack + clamped load − C′/u)², with the clamped tasks' load as a constant.
        foreach (var a in window.Agents)
        {
            if (structure.Capacity(a) is not { } encoding) continue;
            var members = new List<int>();
            var coefficients = new List<double>();
            var clampedLoad = state.Load(a);
            for (var p = 0; p < window.AssignmentVariables; p++)
            {
                var v = window.Variables[p];
                if (structure.AgentOfVariable[v] != a) continue;
                members.Add(p);
                coefficients.Add(structure.UnitLoad[v]);
                if (current[p] != 0) clampedLoad -= structure.UnitLoad[v];
            }
            var slack = new byte[encoding.SlackWeights.Length];
            encoding.WriteSlackBits(encoding.OptimalSlack(state.Load(a)), slack);
            for (var k = 0; k < encoding.SlackWeights.Length; k++)
            {
                var p = local[encoding.FirstSlackVariable + k];
                members.Add(p);
                coefficients.Add(encoding.SlackWeights[k]);
                current[p] = slack[k];
            }
            builder.AddSquaredLinear(members.ToArray(), coefficients.ToArray(), clampedLoad - encoding.Capacity / encoding.Unit, structure.CapacityWeight(a));
        }
        return (builder.Build(), current);
    }

    /// <summary>
    /// Applies the window's answer if each of its tasks has exactly one of the window's agents (at most one when
    /// tasks may stay unassigned) and the full energy drops; otherwise leaves the state as it was. Returns the
    /// energy change (0 when not merged). The answer's slack bits are not needed: the state re-optimises slack.
    /// </summary>
    public double Merge(OneHotState state, Window window, byte[] answer)
    {
        var moves = new List<(int Task, int To)>();
        var p = 0;
        foreach (var t in window.Tasks)
        {
            var chosen = -1;
            var ones = 0;
            foreach (var a in window.Agents)
            {
                var v = structure.VariableAt(t, a);
                if (v < 0) continue;
                if (answer[p++] != 0) (chosen, ones) = (v, ones + 1);
            }
            if (ones > 1 || (ones == 0 && structure.ExactlyOne)) return 0;
            if (chosen != state.VariableOfTask[t]) moves.Add((t, chosen));
        }
        if (moves.Count == 0) return 0;
        // Judged by the model's energy, whatever penalty the state steers by.
        var before = state.ModelEnergy;
        var undo = moves.Select(m => (m.Task, To: state.VariableOfTask[m.Task])).ToArray();
        foreach (var (t, to) in moves) state.Shift(t, to);
        var delta = state.ModelEnergy - before;
        if (delta < -1e-9 * Math.Max(1, Math.Abs(before))) return delta;
        for (var k = undo.Length - 1; k >= 0; k--) state.Shift(undo[k].Task, undo[k].To);
        return 0;
    }
}
