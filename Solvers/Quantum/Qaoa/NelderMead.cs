namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// Derivative-free minimisation by the Nelder–Mead simplex (standard coefficients: reflection 1, expansion 2,
/// contraction ½, shrink ½). Deterministic; checks <c>shouldStop</c> before every evaluation so a time limit or
/// cancellation ends it with the best point so far.
/// </summary>
internal static class NelderMead
{
    private const double Tolerance = 1e-7;

    public readonly record struct Result(double[] Point, double Value, int Evaluations);

    public static Result Minimize(Func<double[], double> f, double[] start, double step, int maxEvaluations, Func<bool> shouldStop)
    {
        var d = start.Length;
        var evaluations = 0;
        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = Evaluate(simplex[0]);
        for (var i = 0; i < d && !Exhausted(); i++)
        {
            simplex[i + 1] = (double[])start.Clone();
            simplex[i + 1][i] += step;
            values[i + 1] = Evaluate(simplex[i + 1]);
        }
        if (simplex[d] is null) return new Result(simplex[0], values[0], evaluations);

        var order = Enumerable.Range(0, d + 1).ToArray();
        while (!Exhausted())
        {
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[d], second = order[d - 1];
            if (values[worst] - values[best] <= Tolerance * (1 + Math.Abs(values[best]))) break;

            var centroid = new double[d];
            foreach (var i in order[..d])
                for (var k = 0; k < d; k++) centroid[k] += simplex[i][k] / d;

            var reflected = Along(centroid, simplex[worst], -1);
            var fr = Evaluate(reflected);
            if (fr < values[best])
            {
                if (Exhausted()) { Replace(worst, reflected, fr); break; }
                var expanded = Along(centroid, simplex[worst], -2);
                var fe = Evaluate(expanded);
                if (fe < fr) Replace(worst, expanded, fe); else Replace(worst, reflected, fr);
            }
            else if (fr < values[second])
            {
                Replace(worst, reflected, fr);
            }
            else
            {
                if (Exhausted()) break;
                var outside = fr < values[worst];
                var contracted = outside ? Along(centroid, simplex[worst], -0.5) : Along(centroid, simplex[worst], 0.5);
                var fc = Evaluate(contracted);
                if (fc < Math.Min(fr, values[worst]))
                {
                    Replace(worst, contracted, fc);
                }
                else
                {
                    for (var j = 1; j <= d && !Exhausted(); j++)
                    {
                        var i = order[j];
                        for (var k = 0; k < d; k++) simplex[i][k] = simplex[best][k] + 0.5 * (simplex[i][k] - simplex[best][k]);
                        values[i] = Evaluate(simplex[i]);
                    }
                }
            }
        }

        var argmin = 0;
        for (var i = 1; i <= d; i++) if (values[i] < values[argmin]) argmin = i;
        return new Result(simplex[argmin], values[argmin], evaluations);

        double Evaluate(double[] x) { evaluations++; return f(x); }
        bool Exhausted() => evaluations >= maxEvaluations || shouldStop();
        void Replace(int i, double[] x, double v) { simplex[i] = x; values[i] = v; }
    }

    /// <summary>centroid + t·(vertex − centroid): t = −1 reflects the vertex, −2 expands, ±½ contracts.</summary>
    private static double[] Along(double[] centroid, double[] vertex, double t)
    {
        var x = new double[centroid.Length];
        for (var k = 0; k < x.Length; k++) x[k] = centroid[k] + t * (vertex[k] - centroid[k]);
        return x;
    }
}
