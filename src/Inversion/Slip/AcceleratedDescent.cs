using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// Accelerated projected gradient (FISTA, Beck &amp; Teboulle 2009) with adaptive restart (O'Donoghue &amp; Candès
/// 2015) on ½xᵀNx − cᵀx within the bounds: step 1/λ_max(N) (power iteration), Nesterov momentum, restart whenever the
/// momentum points uphill. One product with N per step, parallel over rows. It gets thousands of unknowns close to the
/// optimum quickly; <see cref="BoundedLeastSquares"/> then finishes exactly from its active set.
/// </summary>
public static class AcceleratedDescent
{
    /// <summary>Iterates from <paramref name="start"/> until the KKT violation falls below <paramref name="tolerance"/>
    /// (relative to max |c|) or <paramref name="maxIterations"/>.</summary>
    public static BoundedSolution Solve(double[] n, double[] c, double[] lower, double[] upper, double constant,
        double[]? start = null, int maxIterations = 20_000, double tolerance = 1e-9)
    {
        int m = c.Length;
        double lipschitz = LargestEigenvalue(n, m);
        double step = 1 / lipschitz;
        var x = new double[m];
        for (int j = 0; j < m; j++) x[j] = Math.Clamp(start?[j] ?? 0.0, lower[j], upper[j]);
        var y = (double[])x.Clone();
        var previous = (double[])x.Clone();
        var g = new double[m];
        double t = 1, scale = c.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-300;
        int it = 0;
        bool converged = false;
        for (; it < maxIterations; it++)
        {
            Gradient(n, c, y, g);
            Array.Copy(x, previous, m);
            for (int j = 0; j < m; j++) x[j] = Math.Clamp(y[j] - step * g[j], lower[j], upper[j]);
            if (it % 20 == 19)
            {
                Gradient(n, c, x, g);
                if (BoundedLeastSquares.Kkt(g, x, lower, upper) <= tolerance * scale) { converged = true; it++; break; }
            }
            double tNext = 0.5 * (1 + Math.Sqrt(1 + 4 * t * t));
            // Restart when the step and the momentum disagree (the objective would not keep falling).
            double agree = 0;
            for (int j = 0; j < m; j++) agree += (y[j] - x[j]) * (x[j] - previous[j]);
            if (agree > 0)
            {
                t = 1;
                Array.Copy(x, y, m);
                continue;
            }
            double beta = (t - 1) / tNext;
            for (int j = 0; j < m; j++) y[j] = x[j] + beta * (x[j] - previous[j]);
            t = tNext;
        }
        Gradient(n, c, x, g);
        return new BoundedSolution(x, BoundedLeastSquares.Objective(n, c, x, constant), it, converged, BoundedLeastSquares.Kkt(g, x, lower, upper) / scale);
    }

    /// <summary>g = N x − c, rows in parallel.</summary>
    internal static void Gradient(double[] n, double[] c, double[] x, double[] g)
    {
        int m = c.Length;
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, w =>
        {
            int per = (m + Environment.ProcessorCount - 1) / Environment.ProcessorCount;
            for (int i = w * per; i < Math.Min(m, (w + 1) * per); i++) g[i] = Dot.Of(n.AsSpan((int)((long)i * m), m), x) - c[i];
        });
    }

    /// <summary>λ_max of a symmetric positive semi-definite matrix by power iteration (over-estimated by 1 % for a safe step).</summary>
    internal static double LargestEigenvalue(double[] n, int m)
    {
        var v = Enumerable.Range(0, m).Select(i => 1.0 + 0.01 * (i % 7)).ToArray();
        var w = new double[m];
        var zero = new double[m];
        double lambda = 0;
        for (int k = 0; k < 60; k++)
        {
            double norm = Math.Sqrt(v.Sum(a => a * a));
            for (int i = 0; i < m; i++) v[i] /= norm;
            Gradient(n, zero, v, w);
            double next = 0;
            for (int i = 0; i < m; i++) next += v[i] * w[i];
            Array.Copy(w, v, m);
            if (Math.Abs(next - lambda) <= 1e-6 * next) { lambda = next; break; }
            lambda = next;
        }
        return 1.01 * lambda + 1e-300;
    }
}
