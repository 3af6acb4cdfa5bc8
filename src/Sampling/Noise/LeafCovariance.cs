using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// The data covariance between observations from a covariance model. A quadtree leaf is the mean of many pixels, so
/// its covariance with another leaf is the model averaged over pairs of points in the two leaves, and its own variance
/// shrinks with its size; the nugget (white, per-pixel noise) adds nugget/pixels on the diagonal. Each leaf is
/// represented by a k×k lattice over its square (k = 1 for leaves smaller than a tenth of the correlation length,
/// and for points without a size). Every entry is computed from the same point sets, so the matrix is a Gram matrix
/// of a positive-definite kernel: positive definite by construction, never by luck.
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
        // Sample points of every leaf, flattened: leaf i owns points start[i] .. start[i + 1].
        var start = new int[n + 1];
        var px = new List<double>(n * subSamples * subSamples);
        var py = new List<double>(n * subSamples * subSamples);
        double small = 0.1 * model.CorrelationLength;
        for (int i = 0; i < n; i++)
        {
            double s = leafSize.Length == 0 ? 0 : leafSize[i];
            int k = s <= small ? 1 : subSamples;
            for (int a = 0; a < k; a++)
                for (int b = 0; b < k; b++)
                {
                    px.Add(east[i] + ((a + 0.5) / k - 0.5) * s);
                    py.Add(north[i] + ((b + 0.5) / k - 0.5) * s);
                }
            start[i + 1] = px.Count;
        }
        double[] x = px.ToArray(), y = py.ToArray();
        double[] nuggetShare = new double[n];
        for (int i = 0; i < n; i++) nuggetShare[i] = model.Nugget / (pixels.Length == 0 ? 1 : Math.Max(1, pixels[i]));
        var c = new double[(long)n * n];   // column-major, as MathNet stores it
        Parallel.For(0, n, i =>
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int a = start[i]; a < start[i + 1]; a++)
                    for (int b = start[j]; b < start[j + 1]; b++)
                    {
                        double dx = x[a] - x[b], dy = y[a] - y[b];
                        sum += model.Correlated(Math.Sqrt(dx * dx + dy * dy));
                    }
                double v = sum / ((start[i + 1] - start[i]) * (start[j + 1] - start[j]));
                if (i == j) v += nuggetShare[i];
                c[(long)j * n + i] = v;
                c[(long)i * n + j] = v;
            }
        });
        return Matrix<double>.Build.Dense(n, n, c);
    }
}
