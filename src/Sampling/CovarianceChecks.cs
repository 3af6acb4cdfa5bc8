using MathNet.Numerics.LinearAlgebra;

namespace SourceModel.Sampling;

/// <summary>Sanity checks every covariance matrix passes before it is used.</summary>
internal static class CovarianceChecks
{
    /// <summary>A copy of <paramref name="c"/> after checking it is finite, symmetric (to 1e-9 of its largest variance)
    /// and has a positive diagonal.</summary>
    public static Matrix<double> RequireSymmetricPositiveDiagonal(Matrix<double> c, string name)
    {
        int n = c.RowCount;
        double maxVar = 0;
        for (int i = 0; i < n; i++)
        {
            double v = c[i, i];
            if (!(v > 0) || !double.IsFinite(v))
                throw new ArgumentException($"{name}: covariance diagonal entry {i + 1} is {v}; variances must be positive.");
            maxVar = Math.Max(maxVar, v);
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                double a = c[i, j], b = c[j, i];
                if (!double.IsFinite(a) || !double.IsFinite(b))
                    throw new ArgumentException($"{name}: covariance entry ({i + 1},{j + 1}) is not finite.");
                if (Math.Abs(a - b) > 1e-9 * maxVar)
                    throw new ArgumentException($"{name}: covariance is not symmetric at ({i + 1},{j + 1}): {a:R} vs {b:R}.");
            }
        return c.Clone();
    }
}
