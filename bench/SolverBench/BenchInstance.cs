using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>One instance to solve, with the file it came from.</summary>
internal sealed record BenchInstance(string Name, string File, SchedulingProblem Problem)
{
    /// <summary>
    /// The set an instance belongs to for the summary: the part before the last '-' (<c>gap3-2</c> → <c>gap3</c>),
    /// else its leading letters (Yagiura's <c>d20100</c> → <c>d</c>), else the whole name.
    /// </summary>
    public string Set
    {
        get
        {
            var dash = Name.LastIndexOf('-');
            if (dash > 0)
                return Name[..dash];
            var letters = Name.TakeWhile(char.IsLetter).Count();
            return letters > 0 ? Name[..letters] : Name;
        }
    }
}
