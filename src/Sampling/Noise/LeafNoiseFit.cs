using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SourceModel.Sampling.Noise;

/// <summary>A noise model estimated from the data.</summary>
/// <param name="Model">Pixel-level exponential covariance: sill and range of the correlated part, nugget per pixel.</param>
/// <param name="Points">Observations (leaves) the fit used.</param>
/// <param name="RestrictedLogLikelihood">The restricted log-likelihood at the estimate.</param>
public sealed record NoiseEstimate(ExponentialCovariance Model, int Points, double RestrictedLogLikelihood)
{
    /// <summary>One line for logs and reports (mm, km).</summary>
    public string Describe() => FormattableString.Invariant(
        $"exponential covariance, σ {Math.Sqrt(Model.Sill) * 1000:F2} mm, range {Model.Range / 1000:F2} km, per-pixel nugget σ {Math.Sqrt(Model.Nugget) * 1000:F2} mm, from {Points} points");
}

/// <summary>
/// Fits a pixel-level exponential covariance to residuals at quadtree leaves by restricted maximum likelihood (REML):
/// each leaf is the mean of its pixels, so its covariance with another leaf is the model averaged over both leaves'
/// areas and its own variance shrinks with its size (<see cref="LeafCovariance"/>). A covariogram of leaf values taken
/// as if they were pixels underestimates the sill wherever leaves are large — the far field, where noise is measured —
/// and that covariance, averaged again over the leaves, makes error bars several times too narrow. Fitting the
/// leaf-averaged model itself removes that bias. The likelihood is restricted to contrasts free of the nuisance trend
/// (offset, ramp), so the trend the inversion solves for does not bias the sill either (Patterson &amp; Thompson 1971).
/// </summary>
public static class LeafNoiseFit
{
    /// <summary>The REML estimate; <paramref name="trendColumns"/> is 1 (offset), 3 (offset + ramp) or 6 (quadratic).</summary>
    /// <param name="east">Leaf positions east, m.</param>
    /// <param name="north">Leaf positions north, m.</param>
    /// <param name="leafSize">Leaf sides, m (empty: points).</param>
    /// <param name="pixels">Pixels per leaf (empty: one each).</param>
    /// <param name="residual">Residuals (observed − model), m.</param>
    /// <param name="trendColumns">Nuisance columns projected out.</param>
    public static NoiseEstimate Fit(double[] east, double[] north, double[] leafSize, int[] pixels, double[] residual, int trendColumns = 1)
    {
        int n = residual.Length;
        if (east.Length != n || north.Length != n) throw new ArgumentException("east, north and residuals must have one entry per point.");
        if (n < trendColumns + 10) throw new ArgumentException($"{n} points are too few to estimate a noise covariance (at least {trendColumns + 10}).");
        double me = east.Average(), mn = north.Average();
        double extent = Math.Sqrt(Math.Pow(east.Max() - east.Min(), 2) + Math.Pow(north.Max() - north.Min(), 2));
        var trend = Matrix<double>.Build.Dense(n, trendColumns, (i, c) =>
        {
            double x = (east[i] - me) / extent, y = (north[i] - mn) / extent;
            return c switch { 0 => 1, 1 => x, 2 => y, 3 => x * x, 4 => x * y, _ => y * y };
        });
        var r = Vector<double>.Build.DenseOfArray(residual);
        double variance = residual.Select(v => v * v).Average() + 1e-12;
        double medianPixels = pixels.Length == 0 ? 1 : pixels.Order().ElementAt(pixels.Length / 2);

        // −2 × restricted log-likelihood (up to a constant) of log(sill), log(range), log(nugget per pixel). The leaves are
        // averaged exactly as LeafCovariance will average them for the inversion (same sub-sampling), since a coarser
        // average biases the range.
        double MinusTwoLogL(Vector<double> p)
        {
            double sill = Math.Exp(p[0]), range = Math.Exp(p[1]), nugget = Math.Exp(p[2]);
            if (range < 10 || range > 5 * extent || !double.IsFinite(sill + nugget)) return 1e300;
            var c = LeafCovariance.Build(east, north, leafSize, pixels, new ExponentialCovariance(sill, range, nugget));
            var cholesky = c.Cholesky();
            var cr = cholesky.Solve(r);
            var cb = cholesky.Solve(trend);
            var btcb = trend.TransposeThisAndMultiply(cb);
            var btcr = trend.TransposeThisAndMultiply(cr);
            var inner = btcb.Cholesky();
            double quadratic = r.DotProduct(cr) - btcr.DotProduct(inner.Solve(btcr));
            double value = cholesky.DeterminantLn + inner.DeterminantLn + quadratic;
            return double.IsFinite(value) ? value : 1e300;
        }
        var start = Vector<double>.Build.DenseOfArray([Math.Log(variance), Math.Log(Math.Max(extent / 10, 100)), Math.Log(0.25 * variance * medianPixels)]);
        Vector<double> best = start;
        double bestValue = Safe(MinusTwoLogL, start);
        // Nelder–Mead in log space from two ranges (short and long correlation), the better one kept.
        foreach (double rangeGuess in new[] { extent / 20, extent / 4 })
        {
            var guess = start.Clone();
            guess[1] = Math.Log(Math.Max(rangeGuess, 100));
            try
            {
                var result = new NelderMeadSimplex(1e-6, 400).FindMinimum(ObjectiveFunction.Value(v => Safe(MinusTwoLogL, v)), guess,
                    Vector<double>.Build.DenseOfArray([0.7, 0.7, 1.5]));
                if (result.FunctionInfoAtMinimum.Value < bestValue) (best, bestValue) = (result.MinimizingPoint, result.FunctionInfoAtMinimum.Value);
            }
            catch (MaximumIterationsException) { }
        }
        var model = new ExponentialCovariance(Math.Exp(best[0]), Math.Exp(best[1]), Math.Exp(best[2]));
        return new NoiseEstimate(model, n, -0.5 * bestValue);
    }

    private static double Safe(Func<Vector<double>, double> f, Vector<double> p)
    {
        try { return f(p); }
        catch (ArgumentException) { return 1e300; }          // not positive definite at this point
        catch (InvalidOperationException) { return 1e300; }
    }
}
