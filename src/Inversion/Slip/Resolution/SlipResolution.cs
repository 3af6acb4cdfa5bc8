using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>
/// How well the data resolve the slip at a smoothing weight: the diagonal of the model resolution matrix
/// R = N⁻¹GᵀG (N = GᵀG + α²HᵀH on the unknowns that are not fixed; 1 = the coefficient is determined by the data
/// alone, 0 = by the smoothing alone) and, where there are no more data than unknowns, the diagonal of the data
/// resolution (influence) matrix A = G N⁻¹ Gᵀ (how much each datum fits itself). These are the linear problem's
/// resolution at α — the bounds make the bounded estimator non-linear, so <see cref="RecoveryTest"/> (checkerboard and
/// spike) shows the bounded solver's own recovery beside them.
/// </summary>
/// <param name="Alpha">Smoothing weight.</param>
/// <param name="Coefficients">R_jj per unknown (0 for fixed ones).</param>
/// <param name="Patches">Per patch: the mean of its two coefficients' R_jj.</param>
/// <param name="Data">A_ii per datum in the system's row order (whitened, weighted), or null when there are more data
/// than unknowns.</param>
public sealed record SlipResolution(double Alpha, double[] Coefficients, double[] Patches, double[]? Data)
{
    /// <summary>Computes the resolution of <paramref name="system"/> at <paramref name="alpha"/> (&gt; 0 unless the data
    /// alone determine every unknown): one factorisation of N, its inverse (LAPACK dpotri, or two managed triangular
    /// passes), and for the data resolution one triangular solve with every datum's row of G.</summary>
    public static SlipResolution Of(SlipSystem system, double alpha)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (system.IsMatrixFree)
            throw new ArgumentException("the resolution matrix needs the dense normal equations; this problem is on the matrix-free path (use larger patches or fewer data for --resolution).");
        var free = system.VariableColumns();
        int f = free.Length, m = system.Rows;
        var normal = system.Workspace.Rent((long)f * f);
        try
        {
            for (int k = 0; k < f; k++) Array.Clear(normal, (int)((long)k * f), k + 1);
            system.Normal(alpha).AddPrincipal(free, 1, normal, f);
            try { CholeskyFactor.Factor(normal, f); }
            catch (ArgumentException)
            {
                throw new ArgumentException($"the normal matrix on the {f} free unknowns is singular at weight {alpha:G4}: resolution needs a positive weight or data that see every unknown.");
            }
            double[]? data = m <= f ? DataDiagonal(system, normal, free) : null;
            Inverse.FromFactor(normal, f, system.Workspace);
            var gram = system.GramData;
            var diagonal = new double[system.Columns];
            Parallel.For(0, f, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
            {
                double s = 0;
                for (int k = 0; k < f; k++)
                    s += (k <= j ? normal[(long)j * f + k] : normal[(long)k * f + j]) * gram.At(free[k], free[j]);
                diagonal[free[j]] = s;
            });
            var patches = Enumerable.Range(0, system.PatchCount).Select(q => 0.5 * (diagonal[2 * q] + diagonal[2 * q + 1])).ToArray();
            return new SlipResolution(alpha, diagonal, patches, data);
        }
        finally { system.Workspace.Return(normal); }
    }

    /// <summary>A_ii = ‖L⁻¹g_i‖² for every datum's row g_i of G on the free unknowns (L the factor of N_FF).</summary>
    private static double[] DataDiagonal(SlipSystem system, double[] factor, int[] free)
    {
        int f = free.Length, m = system.Rows;
        var g = system.Greens;
        var w = new double[(long)f * m];   // column-major f × m: column i = row i of G on the free unknowns
        Parallel.For(0, f, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            long from = (long)free[k] * m;
            for (int i = 0; i < m; i++) w[(long)i * f + k] = g[from + i];
        });
        if (NativeBlas.Available) NativeBlas.ForwardSolve(factor, f, w, m);
        else
            Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var y = w.AsSpan((int)((long)i * f), f);
                for (int r = 0; r < f; r++)
                    y[r] = (y[r] - Dot.Of(factor.AsSpan((int)((long)r * f), r), y)) / factor[(long)r * f + r];
            });
        var result = new double[m];
        for (int i = 0; i < m; i++)
        {
            var y = w.AsSpan((int)((long)i * f), f);
            result[i] = Dot.Of(y, y);
        }
        return result;
    }
}
