using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Uncertainty;

namespace SourceModel.Cli.Commands;

/// <summary>One quantity's spread: mean, standard deviation, 2.5/50/97.5 percentiles (and, for MCMC, the MAP value,
/// split R̂ and effective sample size).</summary>
internal sealed record QuantityStatistics(string Name, string Unit, double[] Samples, double Mean, double StandardDeviation,
    double P2_5, double P50, double P97_5, double? Map = null, double? RHat = null, double? EffectiveSize = null)
{
    /// <summary>The best model's value, marked in the report: the MAP draw for MCMC, the observed data's optimum for
    /// Monte Carlo (when known).</summary>
    public double? Best { get; init; }

    public static QuantityStatistics Of(string name, string unit, double[] samples, IReadOnlyList<double[]>? traces = null, double? map = null)
    {
        double mean = samples.Average();
        double sd = samples.Length < 2 ? 0 : Math.Sqrt(samples.Sum(v => (v - mean) * (v - mean)) / (samples.Length - 1));
        return new QuantityStatistics(name, unit, samples, mean, sd,
            ChainDiagnostics.Quantile(samples, 0.025), ChainDiagnostics.Quantile(samples, 0.5), ChainDiagnostics.Quantile(samples, 0.975), map,
            traces is null ? null : ChainDiagnostics.SplitRHat(traces), traces is null ? null : ChainDiagnostics.EffectiveSampleSize(traces));
    }
}

/// <summary>
/// The results of an uncertainty run, from its state (docs/formats.md, "uncertainty run folder"): Monte Carlo —
/// realisations.csv; MCMC — samples.csv and chains.csv; both — statistics.csv, correlation.csv, summary.json and
/// report.html. Everything but the report and the log line is a function of the state alone, so a merged sharded run
/// writes the same bytes as a single process.
/// </summary>
internal static class UncertaintyOutput
{
    /// <summary>What one method contributes: its quantities, its summary details, its own files and its report.</summary>
    private sealed record MethodOutput(List<QuantityStatistics> Stats, object Details, List<(string Name, Action<TextWriter> Write)> Files, Action<string> Report);

    public static void Write(UncertaintyProblem p, UncertaintyState state, string output, bool html, TextWriter log, IReadOnlyList<string> command, Stopwatch clock)
    {
        var m = state.Method == "montecarlo" ? MonteCarlo(p, state, command) : Mcmc(p, state, output, command);
        var stats = m.Stats;
        var correlation = Correlation(stats);
        var files = m.Files;
        files.Add(("statistics.csv", w => CsvTable.Write(w,
            ["name", "unit", "mean", "standard_deviation", "p2_5", "p50", "p97_5", "map", "split_rhat", "effective_sample_size"],
            stats.Select(q => (IEnumerable<string>)[q.Name, q.Unit, R(q.Mean), R(q.StandardDeviation), R(q.P2_5), R(q.P50), R(q.P97_5),
                O(q.Map), O(q.RHat), O(q.EffectiveSize)]))));
        files.Add(("correlation.csv", w => CsvTable.Write(w, ["name", .. stats.Select(q => q.Name)],
            stats.Select((q, i) => (IEnumerable<string>)[q.Name, .. Enumerable.Range(0, stats.Count).Select(j => R(correlation[i, j]))]))));
        var written = files.Select(f => f.Name).Concat(html ? ["report.html"] : []).Append("summary.json").ToList();
        var summary = new
        {
            software = "sourcemodel",
            config = state.Config,
            config_sha256 = state.ConfigHash,
            method = state.Method,
            seed = state.Seed,
            details = m.Details,
            quantities = stats.Select(q => new
            {
                name = q.Name, unit = q.Unit, mean = q.Mean, standard_deviation = q.StandardDeviation, p2_5 = q.P2_5, p50 = q.P50, p97_5 = q.P97_5,
                map = q.Map, split_rhat = q.RHat, effective_sample_size = q.EffectiveSize,
            }),
            correlation = new { names = stats.Select(q => q.Name), matrix = Enumerable.Range(0, stats.Count).Select(i => Enumerable.Range(0, stats.Count).Select(j => correlation[i, j])) },
            files = written,
        };
        // The report first: a missing plotly.js fails before anything of this run is written.
        if (html) m.Report(Path.Combine(output, "report.html"));
        foreach (var (name, write) in files) AtomicFile.Write(Path.Combine(output, name), write);
        AtomicFile.Write(Path.Combine(output, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        })));
        foreach (var q in stats)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {q.Name,-24} {q.Mean,12:G6} ± {q.StandardDeviation:G3} {q.Unit}  [2.5 %: {q.P2_5:G6}, 97.5 %: {q.P97_5:G6}]{(q.RHat is { } r ? $"  R̂ {r:0.000}, ESS {q.EffectiveSize:0}" : "")}"));
        log.WriteLine($"wrote {written.Count} file(s) to {output} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Monte Carlo: the free parameters and Mw over the realisations (and, with step 2, the slip per patch).</summary>
    private static MethodOutput MonteCarlo(UncertaintyProblem p, UncertaintyState state, IReadOnlyList<string> command)
    {
        var c = p.Config;
        var columns = RealisationColumns(c);
        var rows = ReadRealisations(state, columns, c.Layout.ParameterNames.Count);
        var specs = c.Layout.Space(c.Parameters).Specs;
        var observed = state.ObservedBest();
        double? Best(string name) => observed.TryGetValue(name, out double v) ? v : null;
        List<QuantityStatistics> stats = [.. Enumerable.Range(0, specs.Count).Where(i => specs[i].IsFree)
            .Select(i => QuantityStatistics.Of(specs[i].Name, Unit(specs[i].Name), rows.Select(r => r.Parameters[i]).ToArray()) with { Best = Best(specs[i].Name) }),
            QuantityStatistics.Of("mw", "", rows.Select(r => r.MomentMagnitude).ToArray()) with { Best = Best("mw") }];
        List<(string, Action<TextWriter>)> files = [("realisations.csv", w => WriteRealisations(w, columns, rows))];
        (Okada.Discretisation.DiscretisedFault Fault, List<QuantityStatistics> Patches)? slip = null;
        if (c.Uncertainty.MonteCarlo.Slip is { } slipConfig)
        {
            var fault = Okada.Discretisation.DiscretisedFault.Segments(slipConfig.Segments);
            stats.Add(QuantityStatistics.Of("slip.mw", "", rows.Select(r => r.Extra[0]).ToArray()));
            var patches = fault.Patches.Select(q => QuantityStatistics.Of($"slip.patch_{q.Index + 1}", "m", rows.Select(r => r.Extra[1 + q.Index]).ToArray())).ToList();
            files.Add(("slip_statistics.csv", w => CsvTable.Write(w,
                ["patch", "segment", "along_strike", "down_dip", "east_m", "north_m", "top_depth_m", "mean_m", "standard_deviation_m", "p2_5_m", "p50_m", "p97_5_m"],
                fault.Patches.Select(q => (IEnumerable<string>)[I(q.Index + 1), I(q.Segment + 1), I(q.AlongStrike + 1), I(q.DownDip + 1),
                    R(q.Geometry.East), R(q.Geometry.North), R(q.Geometry.TopDepth), R(patches[q.Index].Mean), R(patches[q.Index].StandardDeviation),
                    R(patches[q.Index].P2_5), R(patches[q.Index].P50), R(patches[q.Index].P97_5)]))));
            slip = (fault, patches);
        }
        var details = new
        {
            realisations = rows.Count, search = UncertaintyRun.RealisationSearchName(c),
            misfit = new { mean = rows.Average(r => r.Misfit), min = rows.Min(r => r.Misfit), max = rows.Max(r => r.Misfit) },
            slip = slip is { } s
                ? new { config = c.Uncertainty.MonteCarlo.Slip!.Path, weight = c.Uncertainty.MonteCarlo.Slip.Weight.Fixed, patches = s.Patches.Count,
                        file = "slip_statistics.csv", max_standard_deviation_m = s.Patches.Max(q => q.StandardDeviation) }
                : null,
        };
        return new MethodOutput(stats, details, files, file => UncertaintyReport.MonteCarlo(file, p, state, rows, stats, command, slip));
    }

    /// <summary>MCMC: the posterior of the free parameters (and noise scales) and Mw, with diagnostics and the MAP draw.</summary>
    private static MethodOutput Mcmc(UncertaintyProblem p, UncertaintyState state, string output, IReadOnlyList<string> command)
    {
        var c = p.Config;
        var posterior = p.Posterior();
        var options = c.Uncertainty.Mcmc.Sampler;
        McmcResult result;
        try { result = McmcSampler.Load(posterior, options, state.Folder, state.Count); }
        catch (InvalidOperationException e) { throw new UserError($"{output}: {e.Message}"); }
        var names = posterior.Names;
        var physical = result.Draws.Select(chain => chain.Select(x => posterior.CoordinatesToPhysical(x)).ToArray()).ToArray();
        var mw = result.Draws.Select(chain => chain.Select(x => MomentMagnitude(posterior, x)).ToArray()).ToArray();
        var (mapChain, mapDraw) = result.MaximumAPosterioriIndex();
        List<QuantityStatistics> stats = [.. names.Select((n, j) => QuantityStatistics.Of(n, Unit(n), physical.SelectMany(ch => ch.Select(x => x[j])).ToArray(),
                physical.Select(ch => ch.Select(x => x[j]).ToArray()).ToArray(), physical[mapChain][mapDraw][j])),
            QuantityStatistics.Of("mw", "", mw.SelectMany(x => x).ToArray(), mw, mw[mapChain][mapDraw])];
        List<(string, Action<TextWriter>)> files =
        [
            ("samples.csv", w => CsvTable.Write(w, ["chain", "draw", "log_posterior", "mw", .. names],
                Enumerable.Range(0, physical.Length).SelectMany(k => physical[k].Select((x, i) => (IEnumerable<string>)
                    [I(k), I(i), R(result.LogDensities[k][i]), R(mw[k][i]), .. x.Select(R)])))),
            ("chains.csv", w => CsvTable.Write(w, ["chain", "acceptance_rate", "first_stage_acceptance_rate", "draws", "mean_log_posterior"],
                Enumerable.Range(0, physical.Length).Select(k => (IEnumerable<string>)
                    [I(k), R(result.AcceptanceRates[k]), R(result.FirstStageAcceptanceRates[k]), I(physical[k].Length), R(result.LogDensities[k].Average())]))),
        ];
        var details = new
        {
            chains = state.Count, iterations = options.Iterations, burn_in = options.BurnIn, thin = options.Thin,
            delayed_rejection = options.DelayedRejection, draws = physical.Sum(ch => ch.Length), evaluations = result.Evaluations,
            acceptance_rates = result.AcceptanceRates, first_stage_acceptance_rates = result.FirstStageAcceptanceRates,
            noise_scale = c.Uncertainty.Mcmc.NoiseScale is { } s ? new { min = s.Min, max = s.Max } : null,
            max_split_rhat = stats.Max(q => q.RHat!.Value), min_effective_sample_size = stats.Min(q => q.EffectiveSize!.Value),
            map = new
            {
                log_posterior = result.LogDensities[mapChain][mapDraw], chain = mapChain, draw = mapDraw, mw = mw[mapChain][mapDraw],
                parameters = names.Select((n, j) => (n, physical[mapChain][mapDraw][j])).ToDictionary(t => t.n, t => t.Item2),
            },
        };
        return new MethodOutput(stats, details, files, file => UncertaintyReport.Mcmc(file, p, result, physical, mw, stats, command));
    }

    /// <summary>The value columns of a realisation row: every step-1 parameter, then (with step 2) the slip model's Mw
    /// and the slip of every patch.</summary>
    public static string[] RealisationColumns(GeometryConfig c) =>
        [.. c.Layout.ParameterNames, .. c.Uncertainty.MonteCarlo.Slip is { } s ? UncertaintySlip.Columns(UncertaintySlip.PatchCount(s)) : []];

    /// <summary>Realisation rows as CSV: realisation, misfit, mw, then every parameter and the step-2 values (round-trip numbers).</summary>
    public static void WriteRealisations(TextWriter w, IReadOnlyList<string> columns, IEnumerable<MonteCarloRow> rows) =>
        CsvTable.Write(w, ["realisation", "misfit", "mw", .. columns],
            rows.Select(r => (IEnumerable<string>)[I(r.Index), R(r.Misfit), R(r.MomentMagnitude), .. r.Parameters.Select(R), .. r.Extra.Select(R)]));

    /// <summary>Every realisation's row from the state; all must be there. <paramref name="parameters"/> of the
    /// <paramref name="names"/> are step-1 parameters, the rest step-2 values.</summary>
    private static List<MonteCarloRow> ReadRealisations(UncertaintyState state, IReadOnlyList<string> names, int parameters)
    {
        var missing = Enumerable.Range(0, state.Count).Where(r => !File.Exists(state.RealisationFile(r))).ToList();
        if (missing.Count > 0)
            throw new UserError($"{state.Folder}: {missing.Count} of {state.Count} realisations are not done yet (e.g. {string.Join(", ", missing.Take(5))}); " +
                                "run or resume the shards that hold them, then merge.");
        var rows = new List<MonteCarloRow>(state.Count);
        string[] header = ["realisation", "misfit", "mw", .. names];
        for (int r = 0; r < state.Count; r++)
        {
            var t = CsvTable.Load(state.RealisationFile(r), string.Join(", ", header));
            if (!t.Header.SequenceEqual(header) || t.Rows.Count != 1)
                throw new UserError($"{t.Path}: expected one row with the columns {string.Join(", ", header)}; the state does not match the config's sources.");
            var (line, f) = t.Rows[0];
            var v = Enumerable.Range(0, header.Length).Select(j => t.Number(line, f, j)).ToArray();
            if ((int)v[0] != r) throw new UserError($"{t.Path}:{line}: holds realisation {v[0]}, expected {r}.");
            rows.Add(new MonteCarloRow(r, v[3..(3 + parameters)], v[1], v[2], v[(3 + parameters)..]));
        }
        return rows;
    }

    private static double MomentMagnitude(GeometryPosterior posterior, double[] unit)
    {
        var sources = posterior.Problem.Layout.Realise(posterior.ToPhysical(unit), out _);
        return sources is null ? double.NaN : SourceSet.MomentMagnitude(sources.Moment(posterior.Problem.Medium));
    }

    /// <summary>Pearson correlation between every pair of quantities (NaN where one does not vary).</summary>
    private static double[,] Correlation(List<QuantityStatistics> stats)
    {
        int n = stats.Count;
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                r[i, j] = stats[i].StandardDeviation > 0 && stats[j].StandardDeviation > 0 ? Statistics.Correlation(stats[i].Samples, stats[j].Samples) : double.NaN;
        return r;
    }

    /// <summary>Unit of a parameter or hyperparameter name.</summary>
    public static string Unit(string name) => name.StartsWith("noise_scale.", StringComparison.Ordinal) ? "" : SourceTemplate.UnitOfFullName(name);

    private static string R(double v) => NumberFormat.RoundTrip(v);

    private static string O(double? v) => v is { } x ? NumberFormat.RoundTrip(x) : "";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
