namespace SourceModel.Inversion.Slip;

/// <summary>A symmetric matrix held as a full row-major square array (both triangles): for small problems and tests.</summary>
public sealed class DenseSymmetric : ISymmetricMatrix
{
    private readonly double[] _a;

    /// <summary>Wraps <paramref name="full"/> (n×n row-major, both triangles filled; not copied).</summary>
    public DenseSymmetric(double[] full, int n)
    {
        ArgumentNullException.ThrowIfNull(full);
        if (full.LongLength != (long)n * n) throw new ArgumentException($"a {n}x{n} matrix needs {(long)n * n} entries, got {full.LongLength}.");
        _a = full;
        Size = n;
    }

    /// <inheritdoc/>
    public int Size { get; }

    /// <inheritdoc/>
    public double At(int i, int j) => _a[(long)i * Size + j];

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y) => Gram.Multiply(_a, Size, x, y);

    /// <inheritdoc/>
    public void AddPrincipal(ReadOnlySpan<int> index, double scale, double[] dest, int stride, bool upper = false)
    {
        int f = index.Length;
        for (int k = 0; k < f; k++)
        {
            long row = (long)index[k] * Size;
            for (int l = 0; l <= k; l++) dest[upper ? (long)l * stride + k : (long)k * stride + l] += scale * _a[row + index[l]];
        }
    }

    /// <inheritdoc/>
    public double TraceProduct(ReadOnlySpan<int> index, double[] lower)
    {
        int f = index.Length;
        double sum = 0;
        for (int k = 0; k < f; k++)
        {
            long row = (long)index[k] * Size;
            sum += lower[(long)k * f + k] * _a[row + index[k]];
            for (int l = 0; l < k; l++) sum += 2 * lower[(long)k * f + l] * _a[row + index[l]];
        }
        return sum;
    }
}
