using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// One-flip tabu search on a whole QUBO (as qbsolv's): each step makes the best flip that is not tabu (or that
/// beats the best energy — aspiration), then forbids flipping that variable back for a tenure. Local fields
/// make a step O(n + degree).
/// </summary>
internal static class QuboTabuSearch
{
    /// <summary>
    /// Improves x in place to the best state visited (with its fields kept consistent) and returns that
    /// energy; stops after maxSteps, after patience steps without a new best, or at the deadline.
    /// </summary>
    public static double Run(QuboModel model, byte[] x, double[] field, double energy, int maxSteps, int patience, long deadline, CancellationToken cancellationToken)
    {
        var n = model.VariableCount;
        if (n == 0) return energy;
        var tenure = Math.Clamp(n / 4, 1, 20);
        var tabuUntil = new int[n];
        var best = (byte[])x.Clone();
        var bestEnergy = energy;
        var sinceBest = 0;
        for (var step = 1; step <= maxSteps && sinceBest < patience; step++)
        {
            var (move, moveDelta) = (-1, double.PositiveInfinity);
            for (var i = 0; i < n; i++)
            {
                var delta = x[i] == 0 ? field[i] : -field[i];
                if (delta >= moveDelta) continue;
                if (tabuUntil[i] >= step && energy + delta >= bestEnergy - 1e-12) continue;
                (move, moveDelta) = (i, delta);
            }
            if (move < 0) break;
            energy += model.Flip(x, field, move);
            tabuUntil[move] = step + tenure;
            if (energy < bestEnergy - 1e-12)
            {
                bestEnergy = energy;
                x.CopyTo(best, 0);
                sinceBest = 0;
            }
            else sinceBest++;
            if ((step & 255) == 0 && (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline)) break;
        }
        // Return to the best state, keeping the fields consistent with it.
        for (var i = 0; i < n; i++)
            if (x[i] != best[i]) model.Flip(x, field, i);
        return bestEnergy;
    }
}
