namespace SourceModel.Inversion.Slip;

/// <summary>
/// SDM's solver (R. Wang's steepest descent method): steepest descent on F(x) = ‖Ax − b‖² projected onto the bounds,
/// with the optimal (exact line-search) step along the projected gradient and a halving back-off when the projection
/// makes a step worse. Works on the normal equations, O(columns²) per step; slower to converge than the exact active-set
/// solver, against which it is checked.
/// </summary>
public static class ProjectedDescent
{
    /// <summary>Descends from <paramref name="start"/> (clamped; null = the bound nearest zero) until the relative
    /// objective decrease over 10 steps falls below <paramref name="tolerance"/> or <paramref name="maxIterations"/>.</summary>
    public static BoundedSolution Solve(ISymmetricMatrix n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start = null, int maxIterations = 100_000, double tolerance = 1e-13)
    {
        int m = c.Length;
        var x = new double[m];
        for (int j = 0; j < m; j++) x[j] = Math.Clamp(start?[j] ?? 0.0, lower[j], upper[j]);
        var g = new double[m];
        var p = new double[m];
        var np = new double[m];
        var trial = new double[m];
        double f = BoundedLeastSquares.Objective(n, c, x, constant);
        var history = new Queue<double>();
        int it = 0;
        bool converged = false;
        for (; it < maxIterations; it++)
        {
            BoundedLeastSquares.Gradient(n, c, x, g);
            double pp = 0;
            for (int j = 0; j < m; j++)
            {
                // Components that would push a bound variable outward do not move.
                bool blocked = (x[j] <= lower[j] && g[j] > 0) || (x[j] >= upper[j] && g[j] < 0);
                p[j] = blocked ? 0 : -g[j];
                pp += p[j] * p[j];
            }
            if (pp == 0) { converged = true; break; }
            n.Multiply(p, np);
            double pnp = 0;
            for (int j = 0; j < m; j++) pnp += p[j] * np[j];
            // Exact minimiser of the quadratic along p: t = pᵀ(−g)/(pᵀNp) = pᵀp/(pᵀNp).
            double t = pnp > 0 ? pp / pnp : 1.0;
            double fTrial = double.PositiveInfinity;
            for (int back = 0; back < 60; back++, t *= 0.5)
            {
                for (int j = 0; j < m; j++) trial[j] = Math.Clamp(x[j] + t * p[j], lower[j], upper[j]);
                fTrial = BoundedLeastSquares.Objective(n, c, trial, constant);
                if (fTrial <= f) break;
            }
            if (!(fTrial <= f)) { converged = true; break; }
            Array.Copy(trial, x, m);
            history.Enqueue(f);
            if (history.Count > 10) history.Dequeue();
            f = fTrial;
            if (history.Count == 10 && history.Peek() - f <= tolerance * Math.Max(Math.Abs(f), 1e-300)) { converged = true; break; }
        }
        BoundedLeastSquares.Gradient(n, c, x, g);
        double scale = c.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-300;
        return new BoundedSolution(x, f, it, converged, BoundedLeastSquares.Kkt(g, x, lower, upper) / scale);
    }
}
