namespace SourceModel.Inversion.Uncertainty;

/// <summary>
/// Convergence diagnostics over several chains of one scalar quantity, as in Gelman et al., Bayesian Data Analysis (3rd
/// ed., §11.4–11.5): split R̂ (each chain cut in half, so a drifting chain shows) and the effective sample size from the
/// variogram-based autocorrelation, summed over Geyer's initial positive sequence.
/// </summary>
public static class ChainDiagnostics
{
    /// <summary>Split R̂ of <paramref name="chains"/> (equal lengths ≥ 4); 1 when converged, above 1.01 suspicious.</summary>
    public static double SplitRHat(IReadOnlyList<double[]> chains)
    {
        var (_, w, b, varPlus) = Variances(Split(chains));
        if (w <= 0) return b <= 0 ? 1.0 : double.PositiveInfinity;
        return Math.Sqrt(varPlus / w);
    }

    /// <summary>Effective sample size of all the draws together (split chains).</summary>
    public static double EffectiveSampleSize(IReadOnlyList<double[]> chains)
    {
        var halves = Split(chains);
        int n = halves[0].Length, m = halves.Count;
        double varPlus = Variances(halves).VarPlus;
        if (!(varPlus > 0)) return m * n;
        // ρ_t = 1 − V_t / (2 var⁺), V_t the mean squared difference of draws t apart; stop when a pair sum turns negative.
        double Rho(int t)
        {
            double v = 0;
            foreach (var c in halves)
                for (int i = t; i < n; i++) v += (c[i] - c[i - t]) * (c[i] - c[i - t]);
            return 1 - v / (m * (n - t)) / (2 * varPlus);
        }
        double sum = 0;
        for (int t = 1; t + 1 < n; t += 2)
        {
            double pair = Rho(t) + Rho(t + 1);
            if (pair < 0) break;
            sum += pair;
        }
        return m * n / (1 + 2 * sum);
    }

    /// <summary>Draws per half-chain n, within-chain variance W, between-chain variance B and var⁺ = (n−1)/n·W + B/n.</summary>
    private static (int N, double W, double B, double VarPlus) Variances(List<double[]> halves)
    {
        int n = halves[0].Length, m = halves.Count;
        var means = halves.Select(c => c.Average()).ToArray();
        double grand = means.Average();
        double b = n / (m - 1.0) * means.Sum(v => (v - grand) * (v - grand));
        double w = halves.Select((c, j) => c.Sum(v => (v - means[j]) * (v - means[j])) / (n - 1.0)).Average();
        return (n, w, b, (n - 1.0) / n * w + b / n);
    }

    /// <summary>The q-quantile (0–1) of <paramref name="values"/>, linear between order statistics (type 7).</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var v = values.ToArray();
        if (v.Length == 0) throw new ArgumentException("no values.");
        if (!(q >= 0 && q <= 1)) throw new ArgumentException($"quantile must be in [0, 1], got {q}.");
        Array.Sort(v);
        double h = q * (v.Length - 1);
        int lo = (int)Math.Floor(h), hi = Math.Min(v.Length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static List<double[]> Split(IReadOnlyList<double[]> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        if (chains.Count == 0) throw new ArgumentException("give at least one chain.");
        int n = chains[0].Length;
        if (n < 4) throw new ArgumentException($"chains need at least 4 draws, got {n}.");
        if (chains.Any(c => c.Length != n)) throw new ArgumentException("all chains must have the same length.");
        int h = n / 2;
        var halves = new List<double[]>();
        foreach (var c in chains)
        {
            halves.Add(c[..h]);
            halves.Add(c[(n - h)..]);
        }
        return halves;
    }
}
