namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// A mixed-integer program in the column-major form <c>Cbc_loadProblem</c> takes. The first
/// <see cref="AssignmentColumnCount"/> columns are the binary x[task, agent] of the eligible pairs, grouped by task
/// in ascending agent order; the columns after them are auxiliaries (unassigned, excess, makespan, balance).
/// </summary>
internal sealed class MipModel
{
    public required int RowCount { get; init; }

    public int ColumnCount => Objective.Length;

    public required int AssignmentColumnCount { get; init; }

    /// <summary>Index of task t's first assignment column; task t's columns end where task t+1's begin.</summary>
    public required int[] FirstColumnOfTask { get; init; }

    /// <summary>The agent of each assignment column.</summary>
    public required int[] AgentOfColumn { get; init; }

    public required double[] ColumnLower { get; init; }
    public required double[] ColumnUpper { get; init; }
    public required double[] Objective { get; init; }
    public required bool[] IsInteger { get; init; }

    /// <summary>Compressed sparse column matrix: column c's entries are [ColumnStart[c], ColumnStart[c + 1]).</summary>
    public required int[] ColumnStart { get; init; }
    public required int[] RowIndex { get; init; }
    public required double[] Value { get; init; }

    public required double[] RowLower { get; init; }
    public required double[] RowUpper { get; init; }

    public required bool Maximize { get; init; }

    /// <summary>The column of x[task, agent], or -1 when the pair has no column (ineligible, or pinned elsewhere).</summary>
    public int ColumnOf(int task, int agent)
    {
        var first = FirstColumnOfTask[task];
        var found = Array.BinarySearch(AgentOfColumn, first, FirstColumnOfTask[task + 1] - first, agent);
        return found >= 0 ? found : -1;
    }

    /// <summary>Reads the agent of each task (-1 = unassigned) from a column solution.</summary>
    public int[] Decode(ReadOnlySpan<double> solution)
    {
        var agentOfTask = new int[FirstColumnOfTask.Length - 1];
        for (var t = 0; t < agentOfTask.Length; t++)
        {
            agentOfTask[t] = -1;
            for (var c = FirstColumnOfTask[t]; c < FirstColumnOfTask[t + 1]; c++)
            {
                if (solution[c] > 0.5)
                {
                    agentOfTask[t] = AgentOfColumn[c];
                    break;
                }
            }
        }
        return agentOfTask;
    }
}
