using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// A one-hot anneal's walk: its state, the best state it visited with that state's energy (by the QUBO's own weights),
/// the sweeps done (fractional once rejection-free steps stand for the proposals they skip), and the place where it was
/// handed over, if it was.
/// </summary>
internal sealed class AnnealWalk(OneHotState state, OneHotMetropolis metropolis, long started)
{
    public OneHotState State => state;

    /// <summary>The moves the walk makes (shared with whatever takes it over).</summary>
    public OneHotMetropolis Metropolis => metropolis;

    public int[] Best { get; } = (int[])state.VariableOfTask.Clone();

    public double BestEnergy { get; private set; } = state.ModelEnergy;

    public double Sweeps { get; set; }

    public double? HandedOverAt { get; set; }

    public double ElapsedSeconds => Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>The walk's place in a schedule of <paramref name="sweeps"/> sweeps and a budget of seconds (see <see cref="BetaSchedule.AnytimeFraction"/>).</summary>
    public double Fraction(int sweeps, double budgetSeconds) =>
        BetaSchedule.AnytimeFraction((int)Math.Min(int.MaxValue, Sweeps), sweeps, ElapsedSeconds, budgetSeconds);

    /// <summary>Keeps <paramref name="state"/>'s current assignment when <paramref name="energy"/> (its energy) is below the best.</summary>
    public void Keep(OneHotState state, double energy)
    {
        if (energy >= BestEnergy) return;
        BestEnergy = energy;
        state.VariableOfTask.CopyTo(Best, 0);
    }

    /// <summary>Keeps the walk's own state when <paramref name="energy"/> is below the best.</summary>
    public void Keep(double energy) => Keep(State, energy);
}
