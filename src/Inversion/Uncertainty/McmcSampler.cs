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
    public double Percentile(int parameter, double q) => ChainDiagnostics.Quantile(Pooled(parameter), q);

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

/// <summary>Checkpointing of an MCMC run: a file per chain in <see cref="Folder"/>, written atomically every
/// <see cref="Every"/> iterations; <see cref="Resume"/> continues each chain from its file.</summary>
/// <param name="Folder">Folder of the chain files (chain_K.bin: state; chain_K.bin.draws: kept draws, appended).</param>
/// <param name="Every">Iterations between checkpoints.</param>
/// <param name="Resume">Continue from the files instead of starting afresh.</param>
public sealed record McmcCheckpoints(string Folder, int Every = 5_000, bool Resume = false);

/// <summary>Runs several independent DRAM chains in parallel, chain k seeded with stream k of the run seed, so the
/// result does not depend on the number of cores or the order the chains finish in; with checkpoints, a run stopped at
/// any point and resumed gives exactly the draws of an uninterrupted one.</summary>
public static class McmcSampler
{
    /// <summary>Samples <paramref name="density"/> with one chain per start point.</summary>
    public static McmcResult Run(ILogDensity density, IReadOnlyList<double[]> starts, double[] initialStep, AdaptiveMetropolisOptions options,
        long seed, CancellationToken cancel = default, McmcCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(options);
        if (starts.Count == 0) throw new ArgumentException("give at least one chain start.");
        if (checkpoints is { Every: < 1 }) throw new ArgumentException($"checkpoint interval must be >= 1, got {checkpoints.Every}.");
        int chains = starts.Count;
        var draws = new double[chains][][];
        var logp = new double[chains][];
        var acceptance = new double[chains];
        var evaluations = new long[chains];
        if (checkpoints is not null) Directory.CreateDirectory(checkpoints.Folder);
        if (checkpoints is { Resume: true } && !Enumerable.Range(0, chains).Any(k => File.Exists(Path.Combine(checkpoints.Folder, $"chain_{k}.bin"))))
            throw new FileNotFoundException($"nothing to resume: no chain checkpoint (chain_K.bin) in {checkpoints.Folder}.");
        Parallel.For(0, chains, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, k =>
        {
            int kept = (options.Iterations - options.BurnIn + options.Thin - 1) / options.Thin;
            string? file = checkpoints is null ? null : Path.Combine(checkpoints.Folder, $"chain_{k}.bin");
            AdaptiveMetropolisChain chain;
            int n = 0;
            draws[k] = new double[kept][];
            logp[k] = new double[kept];
            int saved = 0;
            // A chain that never reached its first checkpoint (it had not started) starts afresh: it is determined by
            // its seed alone.
            if (checkpoints is { Resume: true } && File.Exists(file))
            {
                using (var reader = new BinaryReader(File.OpenRead(file!)))
                {
                    chain = AdaptiveMetropolisChain.Restore(density, options, reader);
                    n = saved = reader.ReadInt32();
                }
                // The draws file may hold draws written after the last state: keep exactly the first n.
                using var stream = File.Open(file + ".draws", FileMode.Open);
                using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                    for (int i = 0; i < n; i++)
                    {
                        draws[k][i] = Enumerable.Range(0, density.Dimension).Select(_ => reader.ReadDouble()).ToArray();
                        logp[k][i] = reader.ReadDouble();
                    }
                stream.SetLength((long)n * (density.Dimension + 1) * sizeof(double));
            }
            else
            {
                chain = new AdaptiveMetropolisChain(density, starts[k], initialStep, options, RandomStream.ForStream(seed, k));
                if (file is not null) File.Create(file + ".draws").Dispose();
            }
            for (int i = chain.Iteration; i < options.Iterations; i++)
            {
                chain.Step();
                if ((i & 1023) == 0) cancel.ThrowIfCancellationRequested();
                if (i >= options.BurnIn && (i - options.BurnIn) % options.Thin == 0)
                {
                    draws[k][n] = chain.Current.ToArray();
                    logp[k][n++] = chain.CurrentLogDensity;
                }
                if (file is not null && (chain.Iteration % checkpoints!.Every == 0 || chain.Iteration == options.Iterations))
                {
                    Save(file, chain, draws[k], logp[k], saved, n);
                    saved = n;
                }
            }
            acceptance[k] = (double)chain.Accepted / (options.Iterations - options.BurnIn);
            evaluations[k] = chain.Evaluations;
        });
        return new McmcResult(draws, logp, acceptance, evaluations.Sum());
    }

    /// <summary>A checkpoint: the draws kept since the last one are appended to chain_K.bin.draws, then the chain's state
    /// and the number of valid draws go to a temporary file moved into place, so a kill at any moment leaves a
    /// consistent pair (extra appended draws are cut off on resume).</summary>
    private static void Save(string file, AdaptiveMetropolisChain chain, double[][] draws, double[] logp, int from, int to)
    {
        using (var w = new BinaryWriter(File.Open(file + ".draws", FileMode.Append)))
            for (int i = from; i < to; i++)
            {
                foreach (double v in draws[i]) w.Write(v);
                w.Write(logp[i]);
            }
        string temp = file + ".tmp";
        using (var w = new BinaryWriter(File.Create(temp)))
        {
            chain.Save(w);
            w.Write(to);
        }
        File.Move(temp, file, overwrite: true);
    }
}
