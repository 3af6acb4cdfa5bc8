using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>Dense symmetric matrix–vector products (AᵀA itself is formed packed, <see cref="PackedSymmetric.Gram"/>;
/// Aᵀb by <see cref="GreensColumns.MultiplyTransposed"/>).</summary>
internal static class Gram
{
    /// <summary>y = M·x − c (c null: y = M·x) for a row-major square matrix, rows split over the cores: the product
    /// every bounded solver repeats (gradients, line searches, power iteration).</summary>
    public static void Multiply(double[] m, int n, ReadOnlySpan<double> x, Span<double> y, double[]? c = null)
    {
        var input = x.ToArray();
        var output = new double[n];
        int workers = Math.Min(Environment.ProcessorCount, Math.Max(1, n / 64)), per = (n + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (int i = w * per; i < Math.Min(n, (w + 1) * per); i++)
                output[i] = Dot.Of(m.AsSpan((int)((long)i * n), n), input) - (c?[i] ?? 0);
        });
        output.CopyTo(y);
    }
}
