using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>The inverse of a symmetric positive definite matrix from its Cholesky factor.</summary>
internal static class Inverse
{
    /// <summary>In place: the row-major lower factor L (n×n at the start of <paramref name="l"/>) becomes the lower
    /// triangle of (LLᵀ)⁻¹. OpenBLAS dpotri when present; managed, X = L⁻¹ row by row (forward substitution on the
    /// identity) in a rented array, then the lower triangle of XᵀX accumulated row by row of X.</summary>
    public static void FromFactor(double[] l, int n, Workspace workspace)
    {
        if (NativeBlas.Available) NativeBlas.InverseFromCholesky(l, n);
        else Managed(l, n, workspace);
    }

    /// <summary>The managed inverse (used without OpenBLAS, and by tests to compare the two).</summary>
    internal static void Managed(double[] l, int n, Workspace workspace)
    {
        var x = workspace.Rent((long)n * n);
        try
        {
            Array.Clear(x, 0, n * n);
            for (int i = 0; i < n; i++)
            {
                // Row i of X = L⁻¹: (e_i − Σ_k<i L_ik X_k) / L_ii, non-zero in columns 0..i.
                var row = x.AsSpan((int)((long)i * n), i + 1);
                row[i] = 1;
                for (int k = 0; k < i; k++)
                {
                    double c = l[(long)i * n + k];
                    if (c != 0) Dot.Axpy(-c, x.AsSpan((int)((long)k * n), k + 1), row[..(k + 1)]);
                }
                double d = 1 / l[(long)i * n + i];
                for (int j = 0; j <= i; j++) row[j] *= d;
            }
            // (XᵀX)_jk = Σ_i≥j X_ij X_ik for k ≤ j: each row j of the result sums rows i ≥ j of X.
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
            {
                var target = new double[j + 1];
                for (int i = j; i < n; i++)
                {
                    double xij = x[(long)i * n + j];
                    if (xij != 0) Dot.Axpy(xij, x.AsSpan((int)((long)i * n), j + 1), target);
                }
                target.CopyTo(l.AsSpan((int)((long)j * n), j + 1));
            });
        }
        finally { workspace.Return(x); }
    }
}
