using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling.Noise;

/// <summary>Dense Cholesky factorisation C = L·Lᵀ (lower L, row-major n×n array).</summary>
internal static class CholeskyFactor
{
    public static double[] Factor(Matrix<double> c)
    {
        int n = c.RowCount;
        var chol = c.Cholesky();   // throws if not positive definite
        var l = chol.Factor;
        var a = new double[(long)n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[(long)i * n + j] = l[i, j];
        return a;
    }
}
