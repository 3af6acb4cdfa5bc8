using SourceModel.Inversion.Randomness;

namespace SourceModel.Inversion.Uncertainty;

/// <summary>Draws of several chains and what they say about the posterior.</summary>
/// <param name="Draws">[chain][draw][parameter], after burn-in and thinning.</param>
/// <param name="LogDensities">[chain][draw].</param>
/// <param name="AcceptanceRates">Per chain, after the burn-in: moves accepted at either stage.</param>
/// <param name="Evaluations">Log density evaluations over all chains.</param>
/// <param name="FirstStageAcceptanceRates">Per chain, after the burn-in: first-stage proposals accepted (what the
/// proposal scale was steered to; with delayed rejection the total is higher).</param>
public sealed record McmcResult(double[][][] Draws, double[][] LogDensities, double[] AcceptanceRates, long Evaluations, double[] FirstStageAcceptanceRates)
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
        var (c, k) = MaximumAPosterioriIndex();
        return (double[])Draws[c][k].Clone();
    }

    /// <summary>Chain and draw index of <see cref="MaximumAPosteriori"/>.</summary>
    public (int Chain, int Draw) MaximumAPosterioriIndex() =>
        Enumerable.Range(0, Draws.Length).SelectMany(c => Enumerable.Range(0, Draws[c].Length).Select(k => (c, k))).MaxBy(t => LogDensities[t.c][t.k]);
}

/// <summary>Checkpointing of an MCMC run: a file per chain in <see cref="Folder"/>, written atomically every
/// <see cref="Every"/> iterations; <see cref="Resume"/> continues each chain from its file.</summary>
/// <param name="Folder">Folder of the chain files (chain_K.bin: state; chain_K.bin.draws: kept draws, appended).</param>
/// <param name="Every">Iterations between checkpoints.</param>
/// <param name="Resume">Continue from the files instead of starting afresh.</param>
public sealed record McmcCheckpoints(string Folder, int Every = 5_000, bool Resume = false);

/// <summary>Runs several independent DRAM chains in parallel, chain k seeded with stream k of the run seed, so the
/// result does not depend on the number of cores or the order the chains finish in; with checkpoints, a run stopped at
/// any point and resumed gives exactly the draws of an uninterrupted one, and a slice of the chains (a shard, from
/// <c>firstChain</c>) gives exactly those chains of the whole run.</summary>
public static class McmcSampler
{
    /// <summary>Samples <paramref name="density"/> with one chain per start point; the chains are numbered from
    /// <paramref name="firstChain"/> (their random streams and checkpoint files follow the numbers).
    /// <paramref name="progress"/> hears the iterations done over all chains, every 1,024 iterations of a chain.</summary>
    public static McmcResult Run(ILogDensity density, IReadOnlyList<double[]> starts, double[] initialStep, AdaptiveMetropolisOptions options,
        long seed, CancellationToken cancel = default, McmcCheckpoints? checkpoints = null, int firstChain = 0, Action<long>? progress = null)
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
        var firstStage = new double[chains];
        var evaluations = new long[chains];
        long iterationsDone = 0;
        if (checkpoints is not null) Directory.CreateDirectory(checkpoints.Folder);
        if (firstChain < 0) throw new ArgumentException($"the first chain number must be >= 0, got {firstChain}.");
        if (checkpoints is { Resume: true } && !Enumerable.Range(firstChain, chains).Any(k => File.Exists(ChainFile(checkpoints.Folder, k))))
            throw new FileNotFoundException($"nothing to resume: no chain checkpoint (chain_K.bin) in {checkpoints.Folder}.");
        Parallel.For(0, chains, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, k =>
        {
            int kept = (options.Iterations - options.BurnIn + options.Thin - 1) / options.Thin;
            string? file = checkpoints is null ? null : ChainFile(checkpoints.Folder, firstChain + k);
            AdaptiveMetropolisChain chain;
            int n = 0;
            draws[k] = new double[kept][];
            logp[k] = new double[kept];
            int saved = 0;
            // A chain that never reached its first checkpoint (it had not started) starts afresh: it is determined by
            // its seed alone.
            if (checkpoints is { Resume: true } && File.Exists(file))
            {
                var checkpoint = Checkpoint.Read(file!, density.Dimension);
                using (var reader = new BinaryReader(new MemoryStream(checkpoint.State)))
                    chain = AdaptiveMetropolisChain.Restore(density, options, reader);
                n = saved = checkpoint.Draws;
                // The draws file may hold draws written after the last state: keep exactly the first n, which must be
                // the ones the checkpoint vouches for (length and SHA-256).
                using var stream = File.Open(file + ".draws", FileMode.Open);
                checkpoint.VerifyDraws(stream, file + ".draws");
                stream.Position = 0;
                using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                    for (int i = 0; i < n; i++)
                    {
                        draws[k][i] = Enumerable.Range(0, density.Dimension).Select(_ => reader.ReadDouble()).ToArray();
                        logp[k][i] = reader.ReadDouble();
                    }
                stream.SetLength(checkpoint.DrawsBytes);
            }
            else
            {
                chain = new AdaptiveMetropolisChain(density, starts[k], initialStep, options, RandomStream.ForStream(seed, firstChain + k));
                if (file is not null) File.Create(file + ".draws").Dispose();
            }
            for (int i = chain.Iteration; i < options.Iterations; i++)
            {
                chain.Step();
                if ((i & 1023) == 1023)
                {
                    cancel.ThrowIfCancellationRequested();
                    progress?.Invoke(Interlocked.Add(ref iterationsDone, 1024));
                }
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
            firstStage[k] = (double)chain.AcceptedFirstStage / (options.Iterations - options.BurnIn);
            evaluations[k] = chain.Evaluations;
        });
        return new McmcResult(draws, logp, acceptance, evaluations.Sum(), firstStage);
    }

    /// <summary>The result of chains <paramref name="firstChain"/>.. read back from their checkpoints (e.g. the shards of
    /// a run, merged); every chain must have finished, so nothing is sampled here.</summary>
    public static McmcResult Load(ILogDensity density, AdaptiveMetropolisOptions options, string folder, int chains, int firstChain = 0)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(options);
        for (int k = firstChain; k < firstChain + chains; k++)
        {
            int done = CheckpointedIterations(folder, k);
            if (done < options.Iterations)
                throw new InvalidOperationException($"chain {k} has done {done} of {options.Iterations} iterations ({ChainFile(folder, k)}); finish it (resume its shard) before merging.");
        }
        var unused = Enumerable.Repeat(new double[density.Dimension], chains).ToArray();
        return Run(density, unused, Enumerable.Repeat(1.0, density.Dimension).ToArray(), options, 0, default, new McmcCheckpoints(folder, Resume: true), firstChain);
    }

    /// <summary>The state file of chain <paramref name="chain"/> in a checkpoint folder.</summary>
    public static string ChainFile(string folder, int chain) => Path.Combine(folder, $"chain_{chain}.bin");

    /// <summary>Iterations chain <paramref name="chain"/> has done according to its checkpoint (0 without one).</summary>
    public static int CheckpointedIterations(string folder, int chain)
    {
        string file = ChainFile(folder, chain);
        if (!File.Exists(file)) return 0;
        using var reader = new BinaryReader(new MemoryStream(Checkpoint.Read(file, dimension: null).State));
        return AdaptiveMetropolisChain.SavedIteration(reader);
    }

    /// <summary>A checkpoint: the draws kept since the last one are appended to chain_K.bin.draws, then the chain's state,
    /// the number of valid draws, their byte length and SHA-256, and a SHA-256 of all that go to a temporary file moved
    /// into place, so a kill at any moment leaves a consistent pair (extra appended draws are cut off on resume) and a
    /// truncated or altered file is recognised, never silently used.</summary>
    private static void Save(string file, AdaptiveMetropolisChain chain, double[][] draws, double[] logp, int from, int to)
    {
        long drawsBytes;
        byte[] drawsHash;
        using (var stream = File.Open(file + ".draws", FileMode.Append))
        {
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                for (int i = from; i < to; i++)
                {
                    foreach (double v in draws[i]) w.Write(v);
                    w.Write(logp[i]);
                }
            stream.Flush(flushToDisk: true);
            drawsBytes = stream.Length;
        }
        using (var read = File.OpenRead(file + ".draws")) drawsHash = System.Security.Cryptography.SHA256.HashData(read);
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            chain.Save(w);
            w.Write(to);
            w.Write(drawsBytes);
            w.Write(drawsHash);
        }
        string temp = file + ".tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(Checkpoint.Magic);
            payload.Position = 0;
            payload.CopyTo(stream);
            stream.Write(System.Security.Cryptography.SHA256.HashData(payload.ToArray()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>A chain checkpoint file read back and checked: "SMCK1", the payload (chain state, draws kept, draws-file
    /// length and SHA-256), then the SHA-256 of the payload.</summary>
    private sealed record Checkpoint(byte[] State, int Draws, long DrawsBytes, byte[] DrawsHash, string File)
    {
        public static readonly byte[] Magic = "SMCK1"u8.ToArray();

        public static Checkpoint Read(string file, int? dimension)
        {
            byte[] bytes = System.IO.File.ReadAllBytes(file);
            const int hash = 32, trailer = sizeof(int) + sizeof(long) + hash;
            if (bytes.Length < Magic.Length + trailer + hash || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
                throw Corrupt(file, "it is truncated or not a chain checkpoint");
            var payload = bytes.AsSpan(Magic.Length, bytes.Length - Magic.Length - hash);
            if (!System.Security.Cryptography.SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - hash)))
                throw Corrupt(file, "its checksum does not match its content (truncated or altered)");
            var state = payload[..^trailer].ToArray();
            var tail = payload[^trailer..];
            int draws = BitConverter.ToInt32(tail);
            long drawsBytes = BitConverter.ToInt64(tail[sizeof(int)..]);
            if (dimension is { } d && drawsBytes != (long)draws * (d + 1) * sizeof(double))
                throw Corrupt(file, $"it vouches for {draws} draws in {drawsBytes} bytes, which does not fit {d} parameters");
            return new Checkpoint(state, draws, drawsBytes, tail[(sizeof(int) + sizeof(long))..].ToArray(), file);
        }

        /// <summary>Checks that the draws file starts with exactly the draws this checkpoint vouches for.</summary>
        public void VerifyDraws(Stream draws, string path)
        {
            if (draws.Length < DrawsBytes)
                throw Corrupt(path, $"it holds {draws.Length} bytes where its checkpoint {Path.GetFileName(File)} vouches for {DrawsBytes} (truncated)");
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long left = DrawsBytes;
            draws.Position = 0;
            while (left > 0)
            {
                int got = draws.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (got <= 0) break;
                sha.AppendData(buffer, 0, got);
                left -= got;
            }
            if (!sha.GetHashAndReset().AsSpan().SequenceEqual(DrawsHash))
                throw Corrupt(path, "its content does not match the checksum in its checkpoint (altered)");
        }

        private static InvalidDataException Corrupt(string file, string why) => new(
            $"{file}: {why}; the MCMC state cannot be resumed from it. Start the chains again without --resume (they restart " +
            "from their seeds and give the same draws), or restore the file from a backup.");
    }
}
