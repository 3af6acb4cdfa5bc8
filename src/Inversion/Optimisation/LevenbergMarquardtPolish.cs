using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Inversion.Optimisation;

/// <summary>
/// A problem capability: its cost is the root mean square of a residual vector, σ = sqrt(Σ rᵢ² / N), and the vector
/// itself can be had — what a Gauss–Newton method needs.
/// </summary>
public interface IResidualObjective : IObjective
{
    /// <summary>N, the length of the residual vector.</summary>
    int ResidualCount { get; }

    /// <summary>The residuals at a point of the unit cube; false (contents undefined) where the point is invalid.</summary>
    bool Residuals(ReadOnlySpan<double> unit, Span<double> residuals);
}

/// <summary>
/// Local refinement by Levenberg–Marquardt (Marquardt 1963) with a forward-difference Jacobian, kept in the unit cube
/// by clamping each trial step: on a least-squares misfit it converges in tens of evaluations where a simplex needs
/// thousands (with the slip solved linearly inside the residual this is the variable-projection method of Golub &amp;
/// Pereyra 1973). The best point ever evaluated is returned.
/// </summary>
public static class LevenbergMarquardtPolish
{
    /// <summary>Polishes <paramref name="start"/> (unit cube) within <paramref name="maxEvaluations"/>.</summary>
    public static PolishResult Run(IResidualObjective objective, double[] start, int maxEvaluations = 400)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int d = objective.Dimension, n = objective.ResidualCount;
        var x = start.Select(v => Math.Clamp(v, 0, 1)).ToArray();
        var r = new double[n];
        long evaluations = 1;
        if (!objective.Residuals(x, r)) return new PolishResult(x, objective.Cost(x), evaluations + 1, 0);
        double f = SumOfSquares(r), startCost = Math.Sqrt(f / n);
        double lambda = 1e-3;
        var jacobian = new double[d][];
        for (int k = 0; k < d; k++) jacobian[k] = new double[n];
        var trialResiduals = new double[n];
        while (evaluations + d + 1 <= maxEvaluations)
        {
            // Forward differences, away from the nearer wall; columns in parallel (each evaluation is single-threaded).
            var h = new double[d];
            var valid = new bool[d];
            Parallel.For(0, d, Parallelism.CoreBound, k =>
            {
                var xk = (double[])x.Clone();
                h[k] = xk[k] > 0.5 ? -1e-5 : 1e-5;
                xk[k] += h[k];
                valid[k] = objective.Residuals(xk, jacobian[k]);
                if (valid[k])
                    for (int i = 0; i < n; i++) jacobian[k][i] = (jacobian[k][i] - r[i]) / h[k];
            });
            evaluations += d;
            if (valid.Contains(false)) break;
            var jtj = Matrix<double>.Build.Dense(d, d);
            var jtr = Vector<double>.Build.Dense(d);
            for (int a = 0; a < d; a++)
            {
                jtr[a] = Dot(jacobian[a], r);
                for (int b = a; b < d; b++) jtj[a, b] = jtj[b, a] = Dot(jacobian[a], jacobian[b]);
            }
            bool improved = false;
            while (evaluations < maxEvaluations && lambda < 1e12)
            {
                var damped = jtj.Clone();
                for (int a = 0; a < d; a++) damped[a, a] += lambda * Math.Max(jtj[a, a], 1e-12);
                Vector<double> step;
                try { step = damped.Cholesky().Solve(-jtr); }
                catch (ArgumentException) { lambda *= 10; continue; }
                var trial = new double[d];
                for (int a = 0; a < d; a++) trial[a] = Math.Clamp(x[a] + step[a], 0, 1);
                evaluations++;
                if (objective.Residuals(trial, trialResiduals))
                {
                    double ft = SumOfSquares(trialResiduals);
                    if (ft < f)
                    {
                        double gain = (f - ft) / f;
                        (x, f) = (trial, ft);
                        (r, trialResiduals) = (trialResiduals, r);
                        lambda = Math.Max(lambda / 5, 1e-9);
                        improved = gain > 1e-12;
                        break;
                    }
                }
                lambda *= 4;
            }
            if (!improved) break;
        }
        double cost = Math.Sqrt(f / n);
        return new PolishResult(x, cost, evaluations, startCost - cost);
    }

    private static double SumOfSquares(double[] r)
    {
        double s = 0;
        foreach (double v in r) s += v * v;
        return s;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
