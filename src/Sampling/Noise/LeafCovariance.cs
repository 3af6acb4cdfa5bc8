using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// The data covariance between observations from a covariance model. A quadtree leaf is the mean of many pixels, so
/// its covariance with another leaf is the model averaged over pairs of points in the two leaves (each leaf sampled by
/// a k×k lattice over its square), and its own variance shrinks with its size; the nugget (white, per-pixel noise)
/// adds nugget/pixels on the diagonal. Points without a leaf size are treated as single pixels.
/// </summary>
public static class LeafCovariance
{
    /// <summary>Covariance matrix (m²) of a dataset's observations under <paramref name="model"/>.</summary>
    public static Matrix<double> Build(GeodeticDataset dataset, CovarianceModel model, int subSamples = 3) =>
        Build(dataset.East, dataset.North, dataset.LeafSize, dataset.PixelCount, model, subSamples);

    /// <summary>Covariance matrix (m²) for points (m) with optional leaf sizes (m) and pixel counts.</summary>
    public static Matrix<double> Build(ReadOnlySpan<double> east, ReadOnlySpan<double> north, ReadOnlySpan<double> leafSize,
        ReadOnlySpan<int> pixels, CovarianceModel model, int subSamples = 3)
    {
        int n = east.Length;
        if (north.Length != n || (leafSize.Length != 0 && leafSize.Length != n) || (pixels.Length != 0 && pixels.Length != n))
            throw new ArgumentException("east, north, leaf sizes and pixel counts must have one entry per observation.");
        if (subSamples < 1 || subSamples > 16) throw new ArgumentException($"sub-samples per leaf side must be 1..16, got {subSamples}.");
        double[] e = east.ToArray(), no = north.ToArray(), s = leafSize.Length == 0 ? new double[n] : leafSize.ToArray();
        int[]? px = pixels.Length == 0 ? null : pixels.ToArray();
        int k = subSamples;
        var offsets = new double[k];
        for (int a = 0; a < k; a++) offsets[a] = (a + 0.5) / k - 0.5;
        var c = new double[(long)n * n];   // column-major, as MathNet stores it
        Parallel.For(0, n, i =>
        {
            for (int j = 0; j <= i; j++)
            {
                double v = Pair(i, j);
                c[(long)j * n + i] = v;
                c[(long)i * n + j] = v;
            }
        });
        return Matrix<double>.Build.Dense(n, n, c);

        double Pair(int i, int j)
        {
            double dx = e[i] - e[j], dy = no[i] - no[j];
            double h = Math.Sqrt(dx * dx + dy * dy);
            double si = s[i], sj = s[j];
            double v;
            if ((si == 0 && sj == 0) || (i != j && h > 3 * (si + sj)))
            {
                v = model.Correlated(h);
            }
            else
            {
                double sum = 0;
                for (int a = 0; a < k; a++)
                    for (int b = 0; b < k; b++)
                    {
                        double xi = e[i] + offsets[a] * si, yi = no[i] + offsets[b] * si;
                        for (int p = 0; p < k; p++)
                            for (int q = 0; q < k; q++)
                            {
                                double ex = xi - (e[j] + offsets[p] * sj), ey = yi - (no[j] + offsets[q] * sj);
                                sum += model.Correlated(Math.Sqrt(ex * ex + ey * ey));
                            }
                    }
                v = sum / (k * k * k * k);
            }
            if (i == j) v += model.Nugget / (px is null ? 1 : Math.Max(1, px[i]));
            return v;
        }
    }
}
