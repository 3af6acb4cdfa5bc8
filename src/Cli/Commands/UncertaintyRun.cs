using System.Diagnostics;
using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Randomness;
using SourceModel.Inversion.Uncertainty;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>The step-1 problem of a config, built from observed (or perturbed) data.</summary>
internal sealed record UncertaintyProblem(GeometryConfig Config, IReadOnlyList<GeodeticDataset> Data, GeometryProblem Observed)
{
    /// <summary>Published values by quantity name (<c>fault.dip</c>, <c>mw</c>) to mark on the report's histograms, when
    /// the pipeline's <c>published</c> section gives them.</summary>
    public IReadOnlyDictionary<string, double>? Published { get; init; }

    public static UncertaintyProblem Load(string path, long? seed = null) => For(GeometryConfig.Load(path).WithSeed(seed));

    /// <summary>The problem of a parsed step-1 configuration, with its data imported.</summary>
    public static UncertaintyProblem For(GeometryConfig c)
    {
        var (data, _) = c.ImportData(null);
        var terms = FitKeys.Prepare(c.Path, data, c.Fit);
        try { return new UncertaintyProblem(c, data, new GeometryProblem(c.Layout, c.Layout.Space(c.Parameters), terms, c.Medium)); }
        catch (ArgumentException e) { throw new UserError($"{c.Path}: {UserError.Reason(e)}"); }
    }

    /// <summary>The problem on one realisation of the data: the observed problem with other values (the whitening
    /// factors are not computed again).</summary>
    public GeometryProblem For(IReadOnlyList<GeodeticDataset> realisation) => Observed.WithObserved(realisation.Select(d => d.Value.ToArray()).ToList());

    /// <summary>The posterior the MCMC samples.</summary>
    public GeometryPosterior Posterior() => new(Observed, Config.Uncertainty.Mcmc.NoiseScale);
}

/// <summary>
/// `sourcemodel uncertainty CONFIG.yaml --method montecarlo|mcmc [--shard i/N] [--resume]`: runs the realisations or
/// chains (all, or a shard's slice) with their state in RUN/state, and, for a whole run, writes the results
/// (<see cref="UncertaintyOutput"/>). `sourcemodel merge RUN` writes them from the shards' state.
/// </summary>
internal static class UncertaintyRun
{
    public static void Run(string path, UncertaintyMethod method, string? outputOverride, bool resume, Shard? shard, bool html,
        TextWriter log, IReadOnlyList<string> command, CancellationToken cancel = default, long? seed = null)
    {
        var p = UncertaintyProblem.Load(path, seed);
        string output = outputOverride is null ? p.Config.Uncertainty.Output : Path.GetFullPath(outputOverride);
        p.Config.Data.RefuseInputsInside(output, path);
        using var folder = RunFolder.Claim(output, "uncertainty", command, path, shard?.ToString());
        if (folder.StaleNote is { } note) log.WriteLine(note);
        Run(p, method, output, resume, shard, html, log, command, cancel);
    }

    /// <summary>Runs the realisations or chains of an already loaded problem into <paramref name="output"/>.</summary>
    public static void Run(UncertaintyProblem p, UncertaintyMethod method, string output, bool resume, Shard? shard, bool html,
        TextWriter log, IReadOnlyList<string> command, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        string path = p.Config.Path;
        var u = p.Config.Uncertainty;
        int count = method == UncertaintyMethod.MonteCarlo ? u.MonteCarlo.Realisations : u.Mcmc.Chains;
        var observed = p.Observed;
        GeometryRun.StartEstimate(path, log, RunEstimates.Uncertainty(p.Config, method, p.Data, "uncertainty."));
        Directory.CreateDirectory(output);
        var state = UncertaintyState.Open(output, p.Config, Name(method), count, u.Seed, resume, shard);
        var (first, length) = shard?.Slice(count) ?? (0, count);
        string what = method == UncertaintyMethod.MonteCarlo ? "realisation" : "chain";
        log.WriteLine($"{path}: {p.Data.Count} dataset(s), {observed.DataCount} observations, {observed.Dimension} free parameter(s); {Name(method)}, seed {u.Seed}, " +
                      $"{what}s {first}..{first + length - 1} of {count}{(shard is null ? "" : $" (shard {shard})")}{(resume ? ", resuming" : "")}");
        if (method == UncertaintyMethod.MonteCarlo) RunMonteCarlo(p, state, first, length, resume, log, cancel);
        else RunMcmc(p, state, first, length, resume, log, cancel);
        if (shard is not null)
        {
            log.WriteLine($"shard {shard} finished in {clock.Elapsed.TotalSeconds:0.0} s; when every shard has, run: sourcemodel merge {output}");
            return;
        }
        UncertaintyOutput.Write(p, state, output, html, log, command, clock);
    }

    /// <summary>`sourcemodel merge RUN`: the results of a sharded run, from its state.</summary>
    public static void Merge(string output, bool html, TextWriter log, IReadOnlyList<string> command)
    {
        var clock = Stopwatch.StartNew();
        output = Path.GetFullPath(output);
        using var folder = RunFolder.Claim(output, "uncertainty", command);
        var state = UncertaintyState.ForMerge(output);
        var p = UncertaintyProblem.Load(state.Config);
        state.CheckUnchanged(p.Config);
        log.WriteLine($"merging {state.Count} {state.Method} {(state.Method == "mcmc" ? "chains" : "realisations")} from {state.Folder}");
        UncertaintyOutput.Write(p, state, output, html, log, command, clock);
    }

    /// <summary>The method's name in configs, state and summaries.</summary>
    public static string Name(UncertaintyMethod m) => m == UncertaintyMethod.MonteCarlo ? "montecarlo" : "mcmc";

    /// <summary>
    /// The search each Monte Carlo realisation runs: <c>montecarlo.optimiser</c> when given; else, after a multi-start
    /// search of the observed data (the step-1 search, deterministic from its seed), a polish from each of its distinct
    /// minima within 15 % of the best misfit — the realisation's global minimum lies in one of those basins, so it is found
    /// for a fraction of a full search, and a second basin the noise can make win is kept, not lost. Any other method
    /// re-runs the step-1 search itself. Returned in words, for summary.json and the report.
    /// </summary>
    public static string RealisationSearchName(GeometryConfig c) =>
        c.Uncertainty.MonteCarlo.Search?.MethodName
        ?? (c.Search.Method == OptimiserKind.MultiStart ? "polish-from-minima (of the observed data's multistart search)" : c.Search.MethodName);

    /// <summary>The search of every realisation (see <see cref="RealisationSearchName"/>). The observed data are searched
    /// once as well, with the same search, and their optimum kept in the state (<see cref="UncertaintyState.ObservedBestFile"/>)
    /// for the report to mark on every histogram; for the default multi-start search its minima are the realisations'
    /// starting points.</summary>
    private static GeometrySearchOptions RealisationSearch(UncertaintyProblem p, UncertaintyState state, TextWriter log)
    {
        var c = p.Config;
        var search = c.Uncertainty.MonteCarlo.Search ?? c.Search;
        var observed = GeometryInversion.Run(p.Observed, search with { Resume = false, Executor = search.Executor with { CheckpointPath = null } });
        AtomicFile.Write(state.ObservedBestFile, w => CsvTable.Write(w, ["parameter", "value"],
            observed.ParameterNames.Select((n, i) => (IEnumerable<string>)[n, NumberFormat.RoundTrip(observed.Best.Parameters[i])])
                .Append(["mw", NumberFormat.RoundTrip(observed.Best.MomentMagnitude)])));
        if (c.Uncertainty.MonteCarlo.Search is not null || c.Search.Method != OptimiserKind.MultiStart) return search;
        double best = observed.Peaks.Min(q => q.Cost);
        var starts = observed.Peaks.Where(q => q.Cost <= 1.15 * best).Select(q => q.Parameters).ToList();
        log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  each realisation polishes the {starts.Count} minimum(s) of the observed data's multi-start search within 15 % of its best misfit {best:G5}"));
        return c.Search with { Starts = starts };
    }

    private static void RunMonteCarlo(UncertaintyProblem p, UncertaintyState state, int first, int length, bool resume, TextWriter log, CancellationToken cancel)
    {
        var c = p.Config;
        var slip = c.Uncertainty.MonteCarlo.Slip is { } sc ? UncertaintySlip.Prepare(sc, p.Data) : null;
        if (slip is not null) log.WriteLine($"  and step 2 on {Path.GetFileName(slip.Config.Path)}'s fault ({slip.Fault.Patches.Count} patches, weight {slip.Config.Weight.Fixed:G4}) for every realisation");
        var mc = new MonteCarlo(p.Data, p.For, new MonteCarloOptions { Realisations = c.Uncertainty.MonteCarlo.Realisations, Seed = c.Uncertainty.Seed, Search = RealisationSearch(p, state, log) },
            slip is null ? null : (perturbed, _) => slip.Solve(perturbed));
        var todo = Enumerable.Range(first, length).Where(r => !(resume && File.Exists(state.RealisationFile(r)))).ToList();
        if (!resume)
            foreach (int r in todo) File.Delete(state.RealisationFile(r));
        if (todo.Count < length) log.WriteLine($"  {length - todo.Count} realisation(s) already done, {todo.Count} to run");
        var names = UncertaintyOutput.RealisationColumns(c);
        ProgressDisplay.Steps(log, "realisation", todo.Count, report =>
        {
            for (int k = 0; k < todo.Count; k++)
            {
                var row = mc.Realise(todo[k], cancel);
                // One file per realisation, written whole: a kill loses at most the realisation under way.
                AtomicFile.Write(state.RealisationFile(row.Index), w => UncertaintyOutput.WriteRealisations(w, names, [row]));
                report(k + 1, string.Create(CultureInfo.InvariantCulture, $"#{row.Index}: misfit {row.Misfit:G5}, Mw {row.MomentMagnitude:0.000}"));
            }
            return 0;
        });
    }

    private static void RunMcmc(UncertaintyProblem p, UncertaintyState state, int first, int length, bool resume, TextWriter log, CancellationToken cancel)
    {
        var m = p.Config.Uncertainty.Mcmc;
        var posterior = p.Posterior();
        if (!resume)
            for (int k = first; k < first + length; k++)
                foreach (string f in new[] { McmcSampler.ChainFile(state.Folder, k), McmcSampler.ChainFile(state.Folder, k) + ".draws" })
                    File.Delete(f);
        bool anyStarted = Enumerable.Range(first, length).Any(k => File.Exists(McmcSampler.ChainFile(state.Folder, k)));
        var starts = Enumerable.Range(first, length).Select(_ => Array.Empty<double>()).ToArray();
        if (Enumerable.Range(first, length).Any(k => !File.Exists(McmcSampler.ChainFile(state.Folder, k))))
            starts = Starts(p, posterior, first, length, log);
        var step = Enumerable.Repeat(m.InitialStep, posterior.Dimension).ToArray();
        long total = (long)length * m.Sampler.Iterations;
        ProgressDisplay.Steps(log, "MCMC iterations (×1,000)", (int)Math.Min(int.MaxValue, total / 1000), report =>
        {
            long next = total / 10;
            return McmcSampler.Run(posterior, starts, step, m.Sampler, p.Config.Uncertainty.Seed, cancel,
                new McmcCheckpoints(state.Folder, m.CheckpointEvery, anyStarted), first,
                done =>
                {
                    if (done < Interlocked.Read(ref next)) return;
                    Interlocked.Add(ref next, total / 10);
                    report((int)(done / 1000), $"{done:N0} of {total:N0}");
                });
        });
    }

    /// <summary>Chain starts in the unit cube: the step-1 optimum (found once with the config's optimiser, the same in
    /// every shard) or a random point of the bounds with a finite density, from a stream of the run seed.</summary>
    private static double[][] Starts(UncertaintyProblem p, GeometryPosterior posterior, int first, int length, TextWriter log)
    {
        var m = p.Config.Uncertainty.Mcmc;
        int d = posterior.Problem.Dimension;
        // Noise scales start at 1 (the covariance as given) when the bounds allow, else mid-range in log.
        double scaleStart = m.NoiseScale is { } s && s.Min <= 1 && 1 <= s.Max ? Math.Log(1 / s.Min) / Math.Log(s.Max / s.Min) : 0.5;
        if (m.StartAtOptimum)
        {
            log.WriteLine($"  starting the chains at the step-1 optimum ({p.Config.Search.MethodName}, seed {p.Config.Search.Seed})");
            var best = GeometryInversion.Run(posterior.Problem, p.Config.Search);
            var unit = posterior.Problem.Space.ToUnit(best.Best.Parameters);
            var start = unit.Concat(Enumerable.Repeat(scaleStart, posterior.Dimension - d)).ToArray();
            return Enumerable.Range(0, length).Select(_ => (double[])start.Clone()).ToArray();
        }
        return Enumerable.Range(first, length).Select(k =>
        {
            var random = RandomStream.ForStream(p.Config.Uncertainty.Seed, (1 << 24) + k);
            for (int attempt = 0; attempt < 10_000; attempt++)
            {
                var x = Enumerable.Range(0, posterior.Dimension).Select(i => i < d ? random.NextDouble() : scaleStart).ToArray();
                if (double.IsFinite(posterior.Evaluate(x))) return x;
            }
            throw new UserError($"{p.Config.Path}: uncertainty.mcmc.start: random: no valid geometry in 10,000 random draws within the bounds; narrow them or start at the optimum.");
        }).ToArray();
    }
}
