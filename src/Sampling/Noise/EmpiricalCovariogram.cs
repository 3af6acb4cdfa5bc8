namespace SourceModel.Sampling.Noise;

/// <summary>One distance bin of an empirical (semi)variogram.</summary>
/// <param name="Distance">Mean pair distance in the bin, m.</param>
/// <param name="Semivariance">γ = ½·mean((zᵢ − zⱼ)²), m².</param>
/// <param name="Covariance">mean((zᵢ − z̄)(zⱼ − z̄)), m².</param>
/// <param name="Pairs">Number of pairs in the bin.</param>
public readonly record struct CovarianceBin(double Distance, double Semivariance, double Covariance, long Pairs);

/// <summary>
/// Empirical semivariogram and covariogram of scattered values (leaves, pixels of a masked far field), binned by
/// distance. All pairs are used when there are at most <c>maxPairs</c>; otherwise pairs are drawn at random with the
/// given seed, so the estimate is reproducible.
/// </summary>
public static class EmpiricalCovariogram
{
    /// <summary>Bins of width <paramref name="binWidth"/> up to <paramref name="maxDistance"/> (m).</summary>
    public static IReadOnlyList<CovarianceBin> Compute(ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> values,
        double binWidth, double maxDistance, long maxPairs = 4_000_000, int seed = 1)
    {
        int n = values.Length;
        if (east.Length != n || north.Length != n) throw new ArgumentException("east, north and values must have the same length.");
        if (n < 3) throw new ArgumentException($"at least 3 points are needed for a covariogram, got {n}.");
        if (!(binWidth > 0) || !(maxDistance > binWidth)) throw new ArgumentException($"need 0 < bin width ({binWidth}) < max distance ({maxDistance}).");
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= n;
        int bins = (int)Math.Ceiling(maxDistance / binWidth);
        var sumD = new double[bins];
        var sumG = new double[bins];
        var sumC = new double[bins];
        var count = new long[bins];
        void Pair(int i, int j, ReadOnlySpan<double> e, ReadOnlySpan<double> nn, ReadOnlySpan<double> z)
        {
            double dx = e[i] - e[j], dy = nn[i] - nn[j];
            double h = Math.Sqrt(dx * dx + dy * dy);
            if (h <= 0 || h >= maxDistance) return;
            int b = (int)(h / binWidth);
            double d = z[i] - z[j];
            sumD[b] += h;
            sumG[b] += 0.5 * d * d;
            sumC[b] += (z[i] - mean) * (z[j] - mean);
            count[b]++;
        }
        long all = (long)n * (n - 1) / 2;
        if (all <= maxPairs)
        {
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) Pair(i, j, east, north, values);
        }
        else
        {
            var rng = new Random(seed);
            for (long k = 0; k < maxPairs; k++)
            {
                int i = rng.Next(n), j = rng.Next(n - 1);
                if (j >= i) j++;
                Pair(i, j, east, north, values);
            }
        }
        var result = new List<CovarianceBin>(bins);
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) result.Add(new CovarianceBin(sumD[b] / count[b], sumG[b] / count[b], sumC[b] / count[b], count[b]));
        if (result.Count < 3) throw new ArgumentException("fewer than 3 distance bins hold pairs; widen max distance or narrow the bins.");
        return result;
    }
}
