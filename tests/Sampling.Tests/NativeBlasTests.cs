using SourceModel.Sampling.Noise;
using Xunit;

namespace SourceModel.Sampling.Tests;

/// <summary>Skips, with the reason, when OpenBLAS is not installed (then only the managed path exists).</summary>
public sealed class OpenBlasFactAttribute : FactAttribute
{
    public OpenBlasFactAttribute()
    {
        if (!NativeBlas.Available) Skip = "Needs Debian's libopenblas0-pthread (.ci/run installs it); the managed path is used without it.";
    }
}

/// <summary>The OpenBLAS Cholesky factor equals the managed one to rounding, and both report a non-positive pivot.</summary>
public sealed class NativeBlasTests
{
    private static double[] Covariance(int n)
    {
        // Exponential covariance of points on a line plus a nugget: dense, well conditioned, positive definite.
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) c[i * n + j] = Math.Exp(-Math.Abs(i - j) / 40.0) + (i == j ? 0.05 : 0);
        return c;
    }

    [OpenBlasFact]
    public void Native_and_managed_cholesky_factors_agree_to_rounding_across_block_boundaries()
    {
        foreach (int n in new[] { 1, 7, 128, 301 })
        {
            var native = Covariance(n);
            var managed = Covariance(n);
            CholeskyFactor.Factor(native, n);
            CholeskyFactor.FactorManaged(managed, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++) Assert.InRange(native[i * n + j] - managed[i * n + j], -1e-12, 1e-12);
            // And it is a factor: (L Lᵀ)[i, j] reproduces C.
            var c = Covariance(n);
            for (int i = 0; i < n; i += Math.Max(1, n / 9))
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int k = 0; k <= j; k++) s += native[i * n + k] * native[j * n + k];
                    Assert.InRange(s - c[i * n + j], -1e-12, 1e-12);
                }
        }
    }

    [OpenBlasFact]
    public void Native_cholesky_names_the_failing_pivot_of_an_indefinite_matrix()
    {
        int n = 5;
        var a = Covariance(n);
        a[3 * n + 3] = -1;   // pivot 4 is negative
        var e = Assert.Throws<ArgumentException>(() => CholeskyFactor.Factor(a, n));
        Assert.Contains("pivot 4", e.Message);
        Assert.Contains("not positive definite", e.Message);
    }

    [OpenBlasFact]
    public void Native_transposed_product_of_column_blocks_equals_the_column_dot_products()
    {
        int rows = 37, columns = 11;
        var random = new Random(3);
        var a = Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() - 0.5).ToArray();
        // C (4 × 9) = A[:, 5:9]ᵀ · A[:, 0:9], column-major.
        var c = new double[4 * 9];
        NativeBlas.ProductTransposed(a, 5L * rows, a, 0, rows, 4, 9, c);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 9; j++)
            {
                double s = 0;
                for (int k = 0; k < rows; k++) s += a[(5 + i) * rows + k] * a[j * rows + k];
                Assert.InRange(c[j * 4 + i] - s, -1e-13, 1e-13);
            }
    }

    [OpenBlasFact]
    public void Native_product_and_eigenvalues_work_at_an_offset_inside_a_larger_array()
    {
        // The data-space spectrum keeps W and K = WᵀW in one scratch array: K written after W, its eigenvalues in place.
        int k = 6, m = 4;
        var random = new Random(5);
        var scratch = new double[k * m + m * m + 3];
        for (int i = 0; i < k * m; i++) scratch[i] = random.NextDouble() - 0.5;
        var w = scratch[..(k * m)];
        NativeBlas.ProductTransposed(scratch, 0, scratch, 0, k, m, m, scratch, k * m);
        Assert.Equal(w, scratch[..(k * m)]);
        var full = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int l = 0; l < k; l++) s += w[i * k + l] * w[j * k + l];
                full[i, j] = s;
                Assert.InRange(scratch[k * m + j * m + i] - s, -1e-14, 1e-14);
            }
        var expected = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.OfArray(full).Evd().EigenValues.Select(v => v.Real).Order().ToArray();
        var eigenvalues = NativeBlas.SymmetricEigenvalues(scratch, m, k * m);
        for (int i = 0; i < m; i++) Assert.InRange(eigenvalues[i] - expected[i], -1e-13, 1e-13);
        Assert.Throws<ArgumentException>(() => NativeBlas.SymmetricEigenvalues(scratch, m, k * m + 4));
    }

    [OpenBlasFact]
    public void Native_packed_symmetric_product_reads_the_row_major_lower_triangle()
    {
        int n = 9;
        var random = new Random(4);
        var full = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) full[i, j] = full[j, i] = random.NextDouble() - 0.5;
        var packed = new double[n * (n + 1) / 2];
        for (int i = 0, k = 0; i < n; i++)
            for (int j = 0; j <= i; j++) packed[k++] = full[i, j];
        var x = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
        var y = new double[n];
        NativeBlas.PackedProduct(packed, n, x, y);
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += full[i, j] * x[j];
            Assert.InRange(y[i] - s, -1e-13, 1e-13);
        }
    }
}
