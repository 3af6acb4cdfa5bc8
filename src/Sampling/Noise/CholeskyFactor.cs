using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>
/// Dense Cholesky factorisation C = L·Lᵀ, blocked and parallel: L is kept row-major (lower triangle) so that every
/// inner product runs over contiguous memory. For each panel of <see cref="Block"/> columns: factor the diagonal
/// block, solve the rows below it against that block, then subtract the panel's outer product from the trailing
/// lower triangle (row by row in parallel; each entry is one vectorised dot product over the panel, which stays in
/// cache). At n = 2000 on two cores: 0.35-0.5 s, against 1.5 s for MathNet's managed factorisation.
/// </summary>
public static class CholeskyFactor
{
    private const int Block = 128;

    /// <summary>L of a symmetric positive definite matrix, row-major n×n (lower triangle filled); throws when C is not
    /// positive definite.</summary>
    public static double[] Factor(Matrix<double> c)
    {
        int n = c.RowCount;
        var a = new double[(long)n * n];
        // MathNet stores column-major; C is symmetric, so its column j is row j. Copy the lower triangle.
        var src = c.AsColumnMajorArray() ?? c.ToColumnMajorArray();
        for (int i = 0; i < n; i++)
            Array.Copy(src, (long)i * n, a, (long)i * n, i + 1);
        Factor(a, n);
        return a;
    }

    /// <summary>In place: the lower triangle of row-major <paramref name="a"/> (n×n) becomes L (OpenBLAS when
    /// present, see <see cref="NativeBlas"/>; otherwise the managed blocked factorisation).</summary>
    public static void Factor(double[] a, int n) => Factor(a, n, n);

    /// <summary>As <see cref="Factor(double[], int)"/> for an n×n matrix stored with rows <paramref name="stride"/> ≥ n
    /// apart (the leading block of a larger array).</summary>
    public static void Factor(double[] a, int n, int stride)
    {
        if (!NativeBlas.Available)
        {
            FactorManaged(a, n, stride);
            return;
        }
        int failed = NativeBlas.Cholesky(a, n, stride);
        if (failed > 0) throw NotPositiveDefinite(n, failed, double.NaN);
    }

    private static ArgumentException NotPositiveDefinite(int n, int pivot, double value) => new(
        $"the {n}x{n} covariance is not positive definite (pivot {pivot}{(double.IsNaN(value) ? "" : $" is {value:G3}")}: a duplicated point without nugget, or an invalid model); it cannot whiten the data.");

    /// <summary>The managed factorisation (used without OpenBLAS, and by tests to compare the two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FactorManaged(double[] a, int n) => FactorManaged(a, n, n);

    /// <summary>The managed factorisation with rows <paramref name="stride"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FactorManaged(double[] a, int n, int stride)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (int k0 = 0; k0 < n; k0 += Block)
        {
            int k1 = Math.Min(n, k0 + Block), width = k1 - k0;
            // 1. Diagonal block (its earlier panels were already subtracted).
            for (int i = k0; i < k1; i++)
            {
                var rowI = a.AsSpan((int)((long)i * stride + k0), width);
                for (int j = k0; j <= i; j++)
                {
                    var rowJ = a.AsSpan((int)((long)j * stride + k0), j - k0);
                    double s = rowI[j - k0] - Dot.Of(rowI[..(j - k0)], rowJ);
                    if (i == j)
                    {
                        if (!(s > 0)) throw NotPositiveDefinite(n, i + 1, s);
                        rowI[j - k0] = Math.Sqrt(s);
                    }
                    else
                    {
                        rowI[j - k0] = s / a[(long)j * stride + j];
                    }
                }
            }
            if (k1 == n) break;
            // 2. Panel below the diagonal block: each row solves against the block's rows.
            Parallel.For(k1, n, options, i =>
            {
                var rowI = a.AsSpan((int)((long)i * stride + k0), width);
                for (int j = k0; j < k1; j++)
                {
                    var rowJ = a.AsSpan((int)((long)j * stride + k0), j - k0);
                    rowI[j - k0] = (rowI[j - k0] - Dot.Of(rowI[..(j - k0)], rowJ)) / a[(long)j * stride + j];
                }
            });
            // 3. Trailing update of the lower triangle: A[i, j] -= L[i, panel]·L[j, panel].
            Parallel.For(k1, n, options, i =>
            {
                var panelI = a.AsSpan((int)((long)i * stride + k0), width);
                var rowI = a.AsSpan((int)((long)i * stride), n);
                for (int j = k1; j <= i; j++)
                    rowI[j] -= Dot.Of(panelI, a.AsSpan((int)((long)j * stride + k0), width));
            });
        }
    }
}
