using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>Draws of several chains and what they say about the posterior.</summary>
/// <param name="Draws">[chain][draw][parameter], after burn-in and thinning.</param>
/// <param name="LogDensities">[chain][draw].</param>
/// <param name="AcceptanceRates">Per chain, after the burn-in.</param>
/// <param name="Evaluations">Log density evaluations over all chains.</param>
public sealed record McmcResult(double[][][] Draws, double[][] LogDensities, double[] AcceptanceRates, long Evaluations)
{
    /// <summary>Number of parameters.</summary>
    public int Dimension => Draws[0][0].Length;

    /// <summary>One parameter's draws per chain.</summary>
    public IReadOnlyList<double[]> Trace(int parameter) => Draws.Select(c => c.Select(x => x[parameter]).ToArray()).ToArray();

    /// <summary>All draws of one parameter, chains concatenated.</summary>
    public double[] Pooled(int parameter) => Draws.SelectMany(c => c.Select(x => x[parameter])).ToArray();

    /// <summary>Posterior mean of each parameter.</summary>
    public double[] Mean() => Enumerable.Range(0, Dimension).Select(p => Pooled(p).Average()).ToArray();

    /// <summary>Posterior covariance (pooled draws).</summary>
    public double[,] Covariance()
    {
        int d = Dimension;
        var mean = Mean();
        var all = Draws.SelectMany(c => c).ToArray();
        var c2 = new double[d, d];
        foreach (var x in all)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) c2[i, j] += (x[i] - mean[i]) * (x[j] - mean[j]);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) c2[i, j] /= all.Length - 1;
        return c2;
    }

    /// <summary>The q-quantile (0–1) of one parameter, linear between order statistics.</summary>
    public double Percentile(int parameter, double q)
    {
        var v = Pooled(parameter);
        Array.Sort(v);
        double h = q * (v.Length - 1);
        int lo = (int)Math.Floor(h), hi = Math.Min(v.Length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /// <summary>Split R̂ of each parameter.</summary>
    public double[] RHat() => Enumerable.Range(0, Dimension).Select(p => ChainDiagnostics.SplitRHat(Trace(p))).ToArray();

    /// <summary>Effective sample size of each parameter.</summary>
    public double[] EffectiveSampleSize() => Enumerable.Range(0, Dimension).Select(p => ChainDiagnostics.EffectiveSampleSize(Trace(p))).ToArray();

    /// <summary>The draw with the largest log density (maximum a posteriori among the draws).</summary>
    public double[] MaximumAPosteriori()
    {
        var (c, k) = Enumerable.Range(0, Draws.Length).SelectMany(c => Enumerable.Range(0, Draws[c].Length).Select(k => (c, k)))
            .MaxBy(t => LogDensities[t.c][t.k]);
        return (double[])Draws[c][k].Clone();
    }
}

/// <summary>Runs several independent DRAM chains in parallel, chain k seeded with stream k of the run seed, so the
/// result does not depend on the number of cores or the order the chains finish in.</summary>
public static class McmcSampler
{
    /// <summary>Samples <paramref name="density"/> with one chain per start point.</summary>
    public static McmcResult Run(ILogDensity density, IReadOnlyList<double[]> starts, double[] initialStep, AdaptiveMetropolisOptions options,
        long seed, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(starts);
        if (starts.Count == 0) throw new ArgumentException("give at least one chain start.");
        int chains = starts.Count;
        var draws = new double[chains][][];
        var logp = new double[chains][];
        var acceptance = new double[chains];
        var evaluations = new long[chains];
        Parallel.For(0, chains, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, k =>
        {
            var chain = new AdaptiveMetropolisChain(density, starts[k], initialStep, options, RandomStream.ForStream(seed, k));
            int kept = (options.Iterations - options.BurnIn + options.Thin - 1) / options.Thin;
            draws[k] = new double[kept][];
            logp[k] = new double[kept];
            int n = 0;
            for (int i = 0; i < options.Iterations; i++)
            {
                chain.Step();
                if ((i & 1023) == 0) cancel.ThrowIfCancellationRequested();
                if (i >= options.BurnIn && (i - options.BurnIn) % options.Thin == 0)
                {
                    draws[k][n] = chain.Current.ToArray();
                    logp[k][n++] = chain.CurrentLogDensity;
                }
            }
            acceptance[k] = (double)chain.Accepted / (options.Iterations - options.BurnIn);
            evaluations[k] = chain.Evaluations;
        });
        return new McmcResult(draws, logp, acceptance, evaluations.Sum());
    }
}
