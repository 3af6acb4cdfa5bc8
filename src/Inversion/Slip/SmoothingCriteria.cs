using SourceModel.Sampling.Noise;

namespace SourceModel.Inversion.Slip;

/// <summary>How the smoothing weight of an L-curve is chosen.</summary>
public enum SmoothingChoice
{
    /// <summary>The point of maximum curvature of the log–log L-curve (Hansen 1992).</summary>
    Corner,

    /// <summary>The minimum of Akaike's Bayesian information criterion (Yabuki &amp; Matsu'ura 1992; Fukahata &amp;
    /// Wright 2008): the weight under which the data are most probable, the slip integrated out.</summary>
    Abic,

    /// <summary>The minimum of generalised cross-validation (Craven &amp; Wahba 1979): the weight that best predicts
    /// each datum left out, in the rotation-invariant form.</summary>
    Gcv,
}

/// <summary>
/// ABIC and GCV of one bounded solution. Neither criterion has a closed form under inequality constraints; both are
/// computed for the linear Gaussian problem N_F x_F = c_F, N_F = G_FᵀG_F + α²H_FᵀH_F, over a set F of unknowns, at the
/// bounded solution's misfit and roughness. By default F holds every unknown that is not fixed (the smoothing prior
/// alone, as Fukahata &amp; Wright 2008 use it; the bounds only shape the solution). Restricting F to the unknowns strictly
/// inside their bounds — the problem exact on the solution's active set — was measured and rejected: at small weights
/// most slip coefficients sit at zero, the restricted model looks simple, and ABIC then picks weights 10–100 times too
/// small, with step-2 moments 55 % too large on synthetic uniform-slip events (bench/RESULTS.md, issue 22). With N data,
/// M unknowns in F, P = rank H_FᵀH_F and s = ‖W(Gx − d)‖² + α²‖Hx‖²:
/// <code>
/// ABIC(α) = (N + P − M) ln s − P ln α² + ln |N_F| (+ a constant that does not depend on α)
/// GCV(α)  = N ‖W(Gx − d)‖² / (N − tr A)²,   tr A = tr(N_F⁻¹ G_FᵀG_F) = M − α² tr(N_F⁻¹ H_FᵀH_F)
/// </code>
/// (Fukahata &amp; Wright 2008, GJI 173, eq. 10; Golub, Heath &amp; Wahba 1979). With no more data than slip unknowns
/// and a positive definite roughness, ln|N_F| and tr A come for every weight from one eigen-decomposition in data space
/// (DataSpaceSpectrum); otherwise each weight needs the Cholesky factor of N_F and its inverse.
/// </summary>
/// <param name="Abic">ABIC without its α-independent constant.</param>
/// <param name="Gcv">The GCV function (dimensionless, whitened data).</param>
/// <param name="FreeUnknowns">M: unknowns in F (nuisance parameters included).</param>
/// <param name="SmoothedRank">P: rank of the roughness operator on the free unknowns.</param>
/// <param name="InfluenceTrace">tr A: the effective number of parameters the data determine.</param>
public sealed record SmoothingCriteria(double Abic, double Gcv, int FreeUnknowns, int SmoothedRank, double InfluenceTrace)
{
    /// <summary>No criteria (NaN): a point whose normal matrix is singular.</summary>
    public static SmoothingCriteria Unavailable { get; } = new(double.NaN, double.NaN, 0, 0, double.NaN);

    /// <summary>The criteria of <paramref name="solution"/>, a bounded solution of <paramref name="system"/>.</summary>
    public static SmoothingCriteria Of(SlipSystem system, SlipSolution solution) => Of(system, solution, activeSet: false);

    /// <summary>As <see cref="Of(SlipSystem, SlipSolution)"/>; with <paramref name="activeSet"/> true only the unknowns
    /// strictly inside their bounds count (the variant kept for comparison in the benchmark).</summary>
    internal static SmoothingCriteria Of(SlipSystem system, SlipSolution solution, bool activeSet)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(solution);
        if (system.IsMatrixFree)
            throw new ArgumentException("ABIC and GCV need the dense normal equations; the matrix-free path has no smoothing criteria (choose a fixed weight or the corner).");
        var x = solution.Unknowns;
        var free = activeSet
            ? Enumerable.Range(0, system.Columns).Where(j => x[j] > system.Lower[j] && x[j] < system.Upper[j]).ToArray()
            : system.VariableColumns();
        int f = free.Length;
        double a2 = solution.Alpha * solution.Alpha;
        int n = system.Rows;
        double s = solution.Misfit + a2 * solution.Roughness;
        if (!activeSet && solution.Alpha > 0 && system.Spectrum is { } spectrum)
        {
            var (ld, tr) = spectrum.At(solution.Alpha);
            return Criteria(n, spectrum.SlipUnknowns, f, s, a2, ld, tr, solution.Misfit);
        }
        int rank = activeSet ? RoughnessRank(system, free) : system.RoughnessRank;
        double logDet = 0, traceRough = 0;
        if (f > 0)
        {
            var normal = system.Workspace.Rent((long)f * f);
            try
            {
                for (int k = 0; k < f; k++) Array.Clear(normal, (int)((long)k * f), k + 1);
                system.Normal(solution.Alpha).AddPrincipal(free, 1, normal, f);
                try { CholeskyFactor.Factor(normal, f); }
                catch (ArgumentException)
                {
                    throw new ArgumentException($"the normal matrix on the {f} free unknowns is singular at weight {solution.Alpha:G4}: ABIC and GCV need a positive weight or data that see every free unknown.");
                }
                for (int i = 0; i < f; i++) logDet += 2 * Math.Log(normal[(long)i * f + i]);
                traceRough = TraceOfInverseTimes(normal, system.GramRoughness, free, system.Workspace);
            }
            finally { system.Workspace.Return(normal); }
        }
        return Criteria(n, rank, f, s, a2, logDet, f - a2 * traceRough, solution.Misfit);
    }

    /// <summary>ABIC and GCV from their ingredients: N data, rank P, M unknowns, s = misfit + α²·roughness, ln|N_F| and
    /// tr A.</summary>
    private static SmoothingCriteria Criteria(int n, int rank, int f, double s, double a2, double logDet, double influence, double misfit)
    {
        double abic = (n + rank - f) * Math.Log(s) - (rank > 0 ? rank * Math.Log(a2) : 0) + logDet;
        double gcv = n * misfit / Math.Pow(n - influence, 2);
        return new SmoothingCriteria(abic, gcv, f, rank, influence);
    }

    /// <summary>tr(N⁻¹R_FF) for N = LLᵀ (row-major lower L, overwritten by the lower triangle of N⁻¹) and the roughness
    /// R: Σ N⁻¹_ij R_ij over R's entries.</summary>
    private static double TraceOfInverseTimes(double[] l, ISymmetricMatrix rough, int[] free, Workspace workspace)
    {
        Inverse.FromFactor(l, free.Length, workspace);
        return rough.TraceProduct(free, l);
    }

    /// <summary>Rank of the roughness operator on the unknowns <paramref name="free"/>: the count of slip coefficients
    /// among them when their block is positive definite (the Laplacian with zero-slip edges: one Cholesky), else from its
    /// eigenvalues.</summary>
    internal static int RoughnessRank(SlipSystem system, int[] free)
    {
        var slip = free.Where(j => j < 2 * system.PatchCount).ToArray();
        int s = slip.Length;
        if (s == 0) return 0;
        if (system.GramRoughness is SparseSymmetric sparse && SkylineCholesky.TryFactor(sparse, slip) is not null) return s;
        var block = system.Workspace.Rent((long)s * s);
        try
        {
            Array.Clear(block, 0, s * s);
            system.GramRoughness.AddPrincipal(slip, 1, block, s);
            try
            {
                CholeskyFactor.Factor(block, s);
                return s;
            }
            catch (ArgumentException) { }
            // Semi-definite (a free boundary): the eigenvalues of the block, assembled again (the factorisation spoilt it).
            Array.Clear(block, 0, s * s);
            system.GramRoughness.AddPrincipal(slip, 1, block, s);
            var full = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.Create(s, s, (i, j) => i >= j ? block[(long)i * s + j] : block[(long)j * s + i]);
            var values = full.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
            double largest = values.Max(Math.Abs);
            return values.Count(v => v > 1e-10 * largest);
        }
        finally { system.Workspace.Return(block); }
    }
}
