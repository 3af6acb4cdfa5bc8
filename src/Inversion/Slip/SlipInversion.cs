namespace SourceModel.Inversion.Slip;

/// <summary>Which solver minimises F(x) = ‖W(Gx − d)‖² + α²‖Hx‖² within the bounds.</summary>
public enum SlipSolver
{
    /// <summary>Exact active-set bounded least squares (BVLS), warm-started.</summary>
    ActiveSet,

    /// <summary>SDM's projected steepest descent with the optimal step.</summary>
    SteepestDescent,

    /// <summary>Accelerated projected gradient (FISTA with restarts) alone: fast, approximate to its KKT tolerance.</summary>
    Accelerated,
}

/// <summary>Solves a <see cref="SlipSystem"/> for one smoothing weight α or for a series of them.</summary>
public static class SlipInversion
{
    /// <summary>The normal matrix for α: N = GᵀG + α²HᵀH (an operator over the stored parts; c = Gᵀd).</summary>
    internal static NormalMatrix Normal(SlipSystem s, double alpha) => s.Normal(alpha);

    /// <summary>The bounded solution for smoothing weight <paramref name="alpha"/> (≥ 0); a matrix-free system is solved
    /// by <see cref="GradientProjectionCG"/> whatever <paramref name="solver"/> says.</summary>
    public static SlipSolution Solve(SlipSystem system, double alpha, SlipSolver solver = SlipSolver.ActiveSet, double[]? start = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!(alpha >= 0) || !double.IsFinite(alpha)) throw new ArgumentException($"smoothing weight must be a finite number >= 0, got {alpha}.");
        // A matrix-free system has no normal matrix to factorise or multiply densely: products only, whatever the solver.
        if (system.IsMatrixFree)
            return SlipSolution.Of(system, alpha, GradientProjectionCG.Solve(system.MatrixFree(alpha), system.GramRhs, system.Lower, system.Upper, system.DataNorm, start));
        var n = Normal(system, alpha);
        var result = solver switch
        {
            SlipSolver.ActiveSet => Exact(system, n, start),
            SlipSolver.SteepestDescent => ProjectedDescent.Solve(n, system.GramRhs, system.Lower, system.Upper, system.DataNorm, start),
            _ => AcceleratedDescent.Solve(n, system.GramRhs, system.Lower, system.Upper, system.DataNorm, start),
        };
        return SlipSolution.Of(system, alpha, result);
    }

    /// <summary>
    /// The exact solution by block principal pivoting, from the start when there is one (along an L-curve the neighbouring
    /// weight's solution, whose partition is nearly right) or else from every coefficient at its bound nearest zero;
    /// its factor is updated, not recomputed, when few variables change (<see cref="FreeSetFactor"/>). Pivoting settles in
    /// 5–25 steps on the problems we know (17 for Tohoku's 4,482 unknowns from cold). Where it does not — it can cycle
    /// in single exchanges when the normal matrix is singular to working precision, as at the nearly unsmoothed end of an
    /// L-curve — the feasible active-set method, which cannot cycle, solves from the start (50 steps at Tohoku's smallest
    /// weight, where pivoting had not settled after 5,000 descent steps). Should both stop short, an accelerated descent
    /// and a last pivoting run follow, and the better point is returned with its KKT violation (never silently).
    /// </summary>
    private static BoundedSolution Exact(SlipSystem system, NormalMatrix n, double[]? start)
    {
        var (c, lo, hi, k) = (system.GramRhs, system.Lower, system.Upper, system.DataNorm);
        if (system.Columns <= 300) return BoundedLeastSquares.Solve(n, c, lo, hi, k, start, 0, system.Workspace);
        var pivoted = BoundedLeastSquares.Solve(n, c, lo, hi, k, start, PivotingBudget, system.Workspace);
        if (pivoted.Converged) return pivoted;
        var feasible = FeasibleActiveSet.Solve(n, c, lo, hi, k, start, FeasibleBudget, system.Workspace);
        if (feasible.Converged) return feasible with { Iterations = pivoted.Iterations + feasible.Iterations };
        var near = AcceleratedDescent.Solve(n, c, lo, hi, k, feasible.X, maxIterations: 5_000, tolerance: 1e-6);
        var exact = BoundedLeastSquares.Solve(n, c, lo, hi, k, near.X, PivotingBudget, system.Workspace);
        int spent = pivoted.Iterations + feasible.Iterations + near.Iterations + exact.Iterations;
        var best = exact.Converged || exact.Objective <= near.Objective ? exact : near;
        return best with { Iterations = spent };
    }

    /// <summary>Factorisations the feasible active-set method may take after pivoting.</summary>
    private const int FeasibleBudget = 1000;

    /// <summary>Steps one pivoting run may take before the feasible active-set method takes over.</summary>
    private const int PivotingBudget = 25;

    /// <summary><paramref name="count"/> weights log-spaced from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static double[] LogWeights(double min, double max, int count)
    {
        if (!(min > 0 && max > min) || count < 2) throw new ArgumentException($"weights need 0 < min < max and at least 2 values, got {min}, {max}, {count}.");
        return Enumerable.Range(0, count).Select(k => min * Math.Pow(max / min, k / (count - 1.0))).ToArray();
    }

    /// <summary>A default grid of weights: <paramref name="count"/> values log-spaced over six decades, from 10⁻² to 10⁴
    /// times the α at which the data and roughness terms have equal traces (α² = tr GᵀG / tr HᵀH). The corner has been
    /// found from 0.3× (synthetic thrusts under InSAR) to ~100× (Tohoku GNSS, 1,899 data for 4,482 unknowns) that
    /// reference; far below it the problem is as ill-posed as unsmoothed inversion and only costs time.</summary>
    public static double[] DefaultWeights(SlipSystem system, int count = 20)
    {
        double tg = 0, th = 0;
        for (int j = 0; j < system.Columns; j++)
        {
            tg += system.GramDiagonal(j);
            th += system.GramRoughness.At(j, j);
        }
        double reference = th > 0 ? Math.Sqrt(tg / th) : 1.0;
        return LogWeights(1e-2 * reference, 1e4 * reference, count);
    }

    /// <summary>The L-curve over <paramref name="weights"/> (increasing), each solution warm-started from its neighbour (from the middle weight out),
    /// with every point's ABIC and GCV (<see cref="SmoothingCriteria"/>); <paramref name="choice"/> picks the solution.</summary>
    /// <param name="progress">Called after each weight's solution (for progress displays).</param>
    public static LCurve LCurve(SlipSystem system, IReadOnlyList<double> weights, SlipSolver solver = SlipSolver.ActiveSet,
        Action<SlipSolution>? progress = null, SmoothingChoice choice = SmoothingChoice.Corner)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count < 3) throw new ArgumentException("an L-curve needs at least 3 smoothing weights.");
        for (int k = 1; k < weights.Count; k++)
            if (!(weights[k] > weights[k - 1])) throw new ArgumentException("smoothing weights must increase strictly.");
        // From the middle of the series outwards: both ends are ill-conditioned (nearly unsmoothed below, nearly rigid
        // above) and pivoting from cold stalls there, while a middle weight settles from cold in a dozen or two
        // factorisations; every other weight then starts from its neighbour's partition, which is nearly right.
        var solutions = new SlipSolution[weights.Count];
        int middle = weights.Count / 2;
        void SolveAt(int k, double[]? start)
        {
            solutions[k] = Solve(system, weights[k], solver, start);
            progress?.Invoke(solutions[k]);
        }
        SolveAt(middle, null);
        for (int k = middle - 1; k >= 0; k--) SolveAt(k, solutions[k + 1].Unknowns);
        for (int k = middle + 1; k < weights.Count; k++) SolveAt(k, solutions[k - 1].Unknowns);
        var criteria = solutions.Select(s =>
        {
            // A point whose normal matrix is singular has no criteria; the others still choose.
            try { return SmoothingCriteria.Of(system, s); }
            catch (ArgumentException) { return SmoothingCriteria.Unavailable; }
        }).ToList();
        return Slip.LCurve.From(solutions, criteria, choice);
    }
}
