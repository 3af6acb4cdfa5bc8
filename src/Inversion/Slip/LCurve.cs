namespace SourceModel.Inversion.Slip;

/// <summary>
/// Misfit against roughness over a series of smoothing weights, its corner — the point of maximum curvature of
/// (log ‖W(Gs − d)‖, log ‖Hs‖) taken as a curve in log α (Hansen 1992), where more smoothing starts to cost misfit,
/// among the points where the curve is regular (converged, misfit rising and roughness falling with α) — and, when
/// computed, the ABIC and GCV of every point (<see cref="SmoothingCriteria"/>) with their minima. <see cref="Choice"/>
/// says which of the three picks <see cref="Chosen"/>.
/// </summary>
/// <param name="Solutions">One solution per weight, weights increasing.</param>
/// <param name="Curvature">Curvature at each interior point (NaN at the ends).</param>
/// <param name="Corner">Index of the maximum-curvature corner (−1 when the curve has none and another rule chooses).</param>
public sealed record LCurve(IReadOnlyList<SlipSolution> Solutions, double[] Curvature, int Corner)
{
    /// <summary>ABIC and GCV of each solution, or null when not computed.</summary>
    public IReadOnlyList<SmoothingCriteria>? Criteria { get; init; }

    /// <summary>The rule that picks <see cref="Chosen"/>.</summary>
    public SmoothingChoice Choice { get; init; } = SmoothingChoice.Corner;

    /// <summary>Index of the smallest ABIC among the converged solutions (−1 without criteria).</summary>
    public int AbicMinimum => Minimum(c => c.Abic);

    /// <summary>Index of the smallest GCV among the converged solutions (−1 without criteria).</summary>
    public int GcvMinimum => Minimum(c => c.Gcv);

    /// <summary>Index of the chosen weight.</summary>
    public int ChosenIndex => Choice switch
    {
        SmoothingChoice.Abic => AbicMinimum,
        SmoothingChoice.Gcv => GcvMinimum,
        _ => Corner,
    };

    /// <summary>The chosen solution.</summary>
    public SlipSolution Chosen => Solutions[ChosenIndex];

    /// <summary>True when the chosen weight is the first or last of the series: the criterion's optimum may lie beyond it.</summary>
    public bool ChosenAtEdge => ChosenIndex == 0 || ChosenIndex == Solutions.Count - 1;

    private int Minimum(Func<SmoothingCriteria, double> value)
    {
        if (Criteria is null) return -1;
        int best = -1;
        for (int i = 0; i < Solutions.Count; i++)
            if (Solutions[i].Converged && double.IsFinite(value(Criteria[i])) && (best < 0 || value(Criteria[i]) < value(Criteria[best]))) best = i;
        return best;
    }

    /// <summary>Builds the curve with each solution's ABIC and GCV and picks by <paramref name="choice"/>; a curve
    /// without a corner is refused only when the corner is the rule.</summary>
    public static LCurve From(IReadOnlyList<SlipSolution> solutions, IReadOnlyList<SmoothingCriteria> criteria, SmoothingChoice choice)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Count != solutions.Count) throw new ArgumentException("one set of criteria per solution.");
        LCurve curve;
        if (choice == SmoothingChoice.Corner) curve = From(solutions);
        else
        {
            try { curve = From(solutions); }
            catch (ArgumentException) { curve = new LCurve(solutions, Curvatures(solutions), -1); }
        }
        curve = curve with { Criteria = criteria, Choice = choice };
        if (curve.ChosenIndex < 0)
            throw new ArgumentException($"no converged solution on the L-curve has a finite {choice.ToString().ToUpperInvariant()}; widen or shift the smoothing weights.");
        return curve;
    }

    private static double[] Curvatures(IReadOnlyList<SlipSolution> solutions) => Curvatures(
        solutions.Select(s => Math.Log(s.Alpha)).ToArray(),
        solutions.Select(s => 0.5 * Math.Log(Math.Max(s.Misfit, 1e-300))).ToArray(),
        solutions.Select(s => 0.5 * Math.Log(Math.Max(s.Roughness, 1e-300))).ToArray());

    /// <summary>Builds the curve and finds the corner.</summary>
    public static LCurve From(IReadOnlyList<SlipSolution> solutions)
    {
        int n = solutions.Count;
        var k = Curvatures(solutions);
        // Only where the curve is an L-curve: converged solutions, misfit not falling and roughness not rising with α
        // (an unconverged or round-off-dominated point would fake a sharp corner).
        bool Regular(int i) => solutions[i].Converged && (i == 0 ||
            (solutions[i].Misfit >= solutions[i - 1].Misfit * (1 - 1e-9) && solutions[i].Roughness <= solutions[i - 1].Roughness * (1 + 1e-9)));
        int corner = -1;
        for (int i = 1; i < n - 1; i++)
            if (Regular(i - 1) && Regular(i) && Regular(i + 1) && (corner < 0 || k[i] > k[corner])) corner = i;
        if (corner < 0) throw new ArgumentException("the L-curve has no regular interior point (solutions unconverged or not monotone); widen or shift the smoothing weights.");
        // A corner bends toward the origin (positive curvature here); without one the weights do not bracket it.
        if (!(k[corner] > 0))
        {
            // Misfit already climbing at the smallest weights: the corner lies below them; otherwise above.
            bool below = solutions[1].Misfit > 2 * solutions[0].Misfit;
            var (first, last) = (solutions[0], solutions[^1]);
            string range = FormattableString.Invariant($"weights {first.Alpha:G3}–{last.Alpha:G3} (misfit {first.Misfit:G4} to {last.Misfit:G4})");
            throw new ArgumentException($"the L-curve over {range} has no corner (no point bends toward the origin): move the weights " +
                                        $"{(below ? "lower" : "higher")} (slip: l_curve: {{min, max}}) or give a fixed weight.");
        }
        return new LCurve(solutions, k, corner);
    }

    /// <summary>Signed curvature (x′y″ − y′x″)/(x′² + y′²)^{3/2} by three-point differences on a possibly uneven t.</summary>
    internal static double[] Curvatures(double[] t, double[] x, double[] y)
    {
        int n = t.Length;
        var k = Enumerable.Repeat(double.NaN, n).ToArray();
        for (int i = 1; i < n - 1; i++)
        {
            double h1 = t[i] - t[i - 1], h2 = t[i + 1] - t[i];
            (double d1, double d2) D(double[] f) => (
                (f[i + 1] - f[i - 1]) / (h1 + h2),
                2 * ((f[i + 1] - f[i]) / h2 - (f[i] - f[i - 1]) / h1) / (h1 + h2));
            var (x1, x2) = D(x);
            var (y1, y2) = D(y);
            double speed = x1 * x1 + y1 * y1;
            k[i] = speed > 0 ? (x1 * y2 - y1 * x2) / Math.Pow(speed, 1.5) : 0;
        }
        return k;
    }
}
