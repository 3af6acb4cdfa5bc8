namespace SourceModel.Inversion.Slip;

/// <summary>
/// The joint choice of dip and smoothing used in published two-step studies: for every trial dip δ the slip is solved
/// over the same smoothing weights, misfit ψ and roughness ξ are normalised by their largest values over the whole
/// scan, and f(δ, α²) = log(ψ̂ + ξ̂) is minimised: the dip that lets the data be fitted with the least roughness.
/// </summary>
/// <param name="Dips">Trial dips, degrees.</param>
/// <param name="Weights">Smoothing weights α (increasing).</param>
/// <param name="Solutions">Solutions, [dip][weight].</param>
/// <param name="Criterion">f(δ, α²), [dip, weight].</param>
/// <param name="Best">Indices of the minimum of f.</param>
public sealed record DipAlphaScan(double[] Dips, double[] Weights, SlipSolution[][] Solutions, double[,] Criterion, (int Dip, int Weight) Best)
{
    /// <summary>The solution at the minimum of f.</summary>
    public SlipSolution Chosen => Solutions[Best.Dip][Best.Weight];

    /// <summary>Runs the scan; <paramref name="systemForDip"/> builds the slip system of a fault with the given dip.</summary>
    /// <param name="progress">Called after each solution with its dip (for progress displays).</param>
    public static DipAlphaScan Run(Func<double, SlipSystem> systemForDip, IReadOnlyList<double> dips, IReadOnlyList<double> weights,
        Action<double, SlipSolution>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(systemForDip);
        if (dips.Count == 0) throw new ArgumentException("give at least one trial dip.");
        if (weights.Count == 0) throw new ArgumentException("give at least one smoothing weight.");
        foreach (double d in dips)
            if (!(d > 0 && d <= 90)) throw new ArgumentException($"trial dip {d}: must be in (0, 90] degrees.");
        for (int k = 1; k < weights.Count; k++)
            if (!(weights[k] > weights[k - 1])) throw new ArgumentException("smoothing weights must increase strictly.");
        var solutions = new SlipSolution[dips.Count][];
        for (int i = 0; i < dips.Count; i++)
        {
            var system = systemForDip(dips[i]);
            solutions[i] = new SlipSolution[weights.Count];
            double[]? start = null;
            for (int k = 0; k < weights.Count; k++)
            {
                solutions[i][k] = SlipInversion.Solve(system, weights[k], SlipSolver.ActiveSet, start);
                progress?.Invoke(dips[i], solutions[i][k]);
                start = solutions[i][k].Unknowns;
            }
        }
        double maxMisfit = solutions.SelectMany(r => r).Max(s => s.Misfit);
        double maxRoughness = solutions.SelectMany(r => r).Max(s => s.Roughness);
        var f = new double[dips.Count, weights.Count];
        var best = (0, 0);
        for (int i = 0; i < dips.Count; i++)
            for (int k = 0; k < weights.Count; k++)
            {
                double psi = maxMisfit > 0 ? solutions[i][k].Misfit / maxMisfit : 0;
                double xi = maxRoughness > 0 ? solutions[i][k].Roughness / maxRoughness : 0;
                f[i, k] = Math.Log(psi + xi + 1e-300);
                if (f[i, k] < f[best.Item1, best.Item2]) best = (i, k);
            }
        return new DipAlphaScan([.. dips], [.. weights], solutions, f, best);
    }
}
