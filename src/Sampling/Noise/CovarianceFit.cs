namespace SourceModel.Sampling.Noise;

/// <summary>Which covariance family to fit.</summary>
public enum CovarianceFamily
{
    /// <summary><see cref="ExponentialCovariance"/>.</summary>
    Exponential,
    /// <summary><see cref="ExponentialCosineCovariance"/>.</summary>
    ExponentialCosine,
}

/// <summary>A fitted model and how well it fits the bins.</summary>
/// <param name="Model">The model.</param>
/// <param name="WeightedRms">Pair-weighted RMS misfit of the semivariogram, m².</param>
public sealed record CovarianceFitResult(CovarianceModel Model, double WeightedRms);

/// <summary>
/// Fits a covariance model to an empirical semivariogram γ(h) = nugget + sill·(1 − ρ(h)) by pair-weighted least
/// squares. For fixed shape parameters (range, wavelength) the model is linear in nugget and sill, which are solved
/// exactly (with nugget ≥ 0); the shape parameters are found by a log-spaced scan refined by golden-section search.
/// Deterministic and free of starting-value sensitivity.
/// </summary>
public static class CovarianceFit
{
    /// <summary>Fits <paramref name="family"/> to <paramref name="bins"/>.</summary>
    public static CovarianceFitResult Fit(IReadOnlyList<CovarianceBin> bins, CovarianceFamily family = CovarianceFamily.Exponential)
    {
        if (bins.Count < 3) throw new ArgumentException("at least 3 bins are needed to fit a covariance model.");
        double hMin = bins.Min(b => b.Distance), hMax = bins.Max(b => b.Distance);
        var ranges = LogSpace(hMin / 10, hMax * 10, 80);
        if (family == CovarianceFamily.Exponential)
        {
            (double Cost, double R) best = (double.MaxValue, 0);
            foreach (double r in ranges)
            {
                double c = Solve(bins, h => Math.Exp(-h / r)).Cost;
                if (c < best.Cost) best = (c, r);
            }
            double range = Refine(Math.Log(best.R), lr => Solve(bins, h => Math.Exp(-h / Math.Exp(lr))).Cost, Math.Log(ranges[1] / ranges[0]));
            var (cost, sill, nugget) = Solve(bins, h => Math.Exp(-h / Math.Exp(range)));
            return new CovarianceFitResult(new ExponentialCovariance(Math.Max(sill, 1e-30), Math.Exp(range), nugget), Math.Sqrt(cost));
        }
        var wavelengths = LogSpace(hMin, hMax * 20, 60);
        (double Cost, double R, double L) b2 = (double.MaxValue, 0, 0);
        foreach (double r in ranges)
            foreach (double l in wavelengths)
            {
                double c = Solve(bins, h => Math.Exp(-h / r) * Math.Cos(2 * Math.PI * h / l)).Cost;
                if (c < b2.Cost) b2 = (c, r, l);
            }
        double lrBest = Math.Log(b2.R), llBest = Math.Log(b2.L);
        for (int pass = 0; pass < 3; pass++)
        {
            double fixedL = llBest;
            lrBest = Refine(lrBest, lr => Solve(bins, h => Math.Exp(-h / Math.Exp(lr)) * Math.Cos(2 * Math.PI * h / Math.Exp(fixedL))).Cost, Math.Log(ranges[1] / ranges[0]));
            double fixedR = lrBest;
            llBest = Refine(llBest, ll => Solve(bins, h => Math.Exp(-h / Math.Exp(fixedR)) * Math.Cos(2 * Math.PI * h / Math.Exp(ll))).Cost, Math.Log(wavelengths[1] / wavelengths[0]));
        }
        var final = Solve(bins, h => Math.Exp(-h / Math.Exp(lrBest)) * Math.Cos(2 * Math.PI * h / Math.Exp(llBest)));
        return new CovarianceFitResult(new ExponentialCosineCovariance(Math.Max(final.Sill, 1e-30), Math.Exp(lrBest), Math.Exp(llBest), final.Nugget), Math.Sqrt(final.Cost));
    }

    /// <summary>Weighted LS for γ = nugget + sill·(1 − ρ) with nugget ≥ 0; returns mean weighted squared misfit.</summary>
    private static (double Cost, double Sill, double Nugget) Solve(IReadOnlyList<CovarianceBin> bins, Func<double, double> rho)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var b in bins)
        {
            double w = b.Pairs, x = 1 - rho(b.Distance), y = b.Semivariance;
            sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y;
        }
        double det = sw * sxx - sx * sx;
        double nugget = Math.Abs(det) > 1e-300 ? (sy * sxx - sx * sxy) / det : 0;
        double sill = Math.Abs(det) > 1e-300 ? (sw * sxy - sx * sy) / det : sy / Math.Max(sx, 1e-300);
        if (nugget < 0) { nugget = 0; sill = sxx > 0 ? sxy / sxx : 0; }
        if (sill <= 0) return (double.MaxValue, 0, 0);
        double cost = 0;
        foreach (var b in bins)
        {
            double r = nugget + sill * (1 - rho(b.Distance)) - b.Semivariance;
            cost += b.Pairs * r * r;
        }
        return (cost / sw, sill, nugget);
    }

    private static double Refine(double x0, Func<double, double> f, double step)
    {
        double a = x0 - step, b = x0 + step, g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a), fc = f(c), fd = f(d);
        for (int i = 0; i < 60; i++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
        }
        double x = 0.5 * (a + b);
        return f(x) <= f(x0) ? x : x0;
    }

    private static double[] LogSpace(double lo, double hi, int n) =>
        Enumerable.Range(0, n).Select(i => lo * Math.Pow(hi / lo, i / (double)(n - 1))).ToArray();
}
