using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>Dense Cholesky factorisation C = L·Lᵀ (lower L, returned row-major n×n so that the triangular solves read
/// contiguous rows).</summary>
internal static class CholeskyFactor
{
    public static double[] Factor(Matrix<double> c)
    {
        int n = c.RowCount;
        Matrix<double> l;
        try
        {
            l = c.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"the {n}x{n} covariance is not positive definite (a duplicated point without nugget, or an invalid model); it cannot whiten the data.");
        }
        // MathNet stores column-major: its column j is our row j of Lᵀ, so transposing the storage gives L row-major.
        var colMajor = l.AsColumnMajorArray() ?? l.ToColumnMajorArray();
        var a = new double[(long)n * n];
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++) a[(long)i * n + j] = colMajor[(long)j * n + i];
        return a;
    }
}
