using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion;
using SourceModel.Inversion.Optimisation;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>
/// `sourcemodel geometry CONFIG.yaml`: imports the data, runs the step-1 search and writes the run folder —
/// summary.json, parameters.csv, peaks.csv, one predictions CSV per dataset, convergence.csv, fault.geojson, grid scans,
/// the checkpoint and report.html (docs/formats.md, "geometry run folder").
/// </summary>
internal static class GeometryRun
{
    public static void Run(string path, string? outputOverride, bool resume, bool html, TextWriter log, IReadOnlyList<string> command,
        long? seed = null)
    {
        var c = GeometryConfig.Load(path).WithSeed(seed);
        string output = outputOverride is null ? c.Output : Path.GetFullPath(outputOverride);
        c.Data.RefuseInputsInside(output, path);
        using var folder = RunFolder.Claim(output, "geometry", command, path);
        if (folder.StaleNote is { } note) log.WriteLine(note);
        Run(c, output, resume, html, log, command);
    }

    /// <summary>Logs a step's estimated run time and refuses it when beyond <see cref="TimeBudget"/>.</summary>
    public static void StartEstimate(string path, TextWriter log, StepEstimate estimate)
    {
        TimeBudget.Check(path, [estimate]);
        log.WriteLine(RunEstimates.Describe([estimate], false));
    }

    /// <summary>Runs a parsed configuration into <paramref name="output"/>.</summary>
    public static void Run(GeometryConfig c, string output, bool resume, bool html, TextWriter log, IReadOnlyList<string> command)
    {
        var clock = Stopwatch.StartNew();
        string path = c.Path;
        var (imported, estimated) = c.ImportData(log);
        StartEstimate(path, log, RunEstimates.Geometry(c, imported, ""));
        var terms = FitKeys.Prepare(path, imported, c.Fit);
        GeometryProblem problem;
        try { problem = new GeometryProblem(c.Layout, c.Layout.Space(c.Parameters), terms, c.Medium); }
        catch (ArgumentException e) { throw new UserError($"{path}: {UserError.Reason(e)}"); }
        Directory.CreateDirectory(output);
        string checkpoint = Path.Combine(output, "checkpoint.json");
        var search = c.Search with { Executor = c.Search.Executor with { CheckpointPath = checkpoint }, Resume = resume };
        log.WriteLine($"{path}: {terms.Count} dataset(s), {problem.DataCount} observations, {problem.Dimension} free parameter(s); " +
                      $"{search.MethodName}, seed {search.Seed}{(resume ? ", resuming" : "")}");
        var result = ProgressDisplay.Run(log, search.Executor.MaxIterations, observer => GeometryInversion.Run(problem, search, observer));
        var scans = c.Scans.Select(s => GridSearch.Run(problem, s.First, s.Second, result.Best.Parameters,
            s.Refit ? search.Polish ?? new PolishOptions() : null)).ToList();
        var reference = imported[0].Reference;
        var files = new List<string>();
        void Write(string name, Action<TextWriter> write)
        {
            AtomicFile.Write(Path.Combine(output, name), write);
            files.Add(name);
        }
        Write("parameters.csv", w => CsvTable.Write(w, ["name", "value", "unit", "min", "max", "fixed", "optimiser_value"],
            problem.Space.Specs.Select((s, i) => (IEnumerable<string>)[s.Name, R(result.Best.Parameters[i]), SourceTemplate.UnitOfFullName(s.Name), R(s.Min), R(s.Max),
                s.IsFree ? "false" : "true", R(result.OptimiserParameters[i])])));
        var minima = SearchDiagnostics.Minima(result, problem);
        var atBounds = SearchDiagnostics.AtBounds(problem.Space, result.Best.Parameters);
        Write("peaks.csv", w => CsvTable.Write(w, ["rank", "misfit", "delta_chi2", "f_ratio", "p_value", "indistinguishable", "mw", .. result.ParameterNames],
            minima.Select(p => (IEnumerable<string>)[p.Rank.ToString(CultureInfo.InvariantCulture), R(p.Cost), R(p.DeltaChiSquare), R(p.FRatio), R(p.PValue),
                p.Indistinguishable ? "true" : "false", R(p.MomentMagnitude), .. p.Parameters.Select(R)])));
        Write("convergence.csv", w => CsvTable.Write(w, ["iteration", "evaluations", "best_misfit"],
            result.History.Select(h => (IEnumerable<string>)[h.Iteration.ToString(CultureInfo.InvariantCulture), h.Evaluations.ToString(CultureInfo.InvariantCulture), R(h.BestCost)])));
        for (int k = 0; k < terms.Count; k++)
        {
            var (d, fit) = (imported[k], result.Best.Datasets[k]);
            Write($"predictions_{d.Name}.csv", w => DatasetFitOutput.WritePredictions(w, d, fit));
        }
        Write("fault.geojson", w => w.Write(FaultGeoJson.ToJson(result.Best.Sources, reference)));
        for (int s = 0; s < scans.Count; s++)
        {
            var scan = scans[s];
            Write($"grid_search_{s + 1}.csv", w => CsvTable.Write(w, ["misfit", .. result.ParameterNames],
                scan.Costs.Select((cost, k) => (IEnumerable<string>)[R(cost), .. scan.Parameters[k].Select(R)])));
        }
        if (html)
        {
            string report = Path.Combine(output, "report.html");
            GeometryReport.Write(report, path, command, result, imported, scans, problem, minima, atBounds, estimated, reference);
            files.Add("report.html");
        }
        var summary = Summary(path, c, problem, result, minima, atBounds, estimated, scans, files, clock.Elapsed, reference);
        AtomicFile.Write(Path.Combine(output, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        })));
        log.WriteLine($"{result.Method}: misfit {result.Best.Cost:G5} (no-source misfit {problem.ZeroModelCost:G5}), Mw {result.Best.MomentMagnitude:F2}, " +
                      $"{result.Evaluations} evaluations ({result.InvalidEvaluations} invalid geometries), {Describe(result.Termination)}");
        foreach (var f in result.Best.Datasets)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Name}: RMS {f.Rms * 100:0.00} cm, correlation {f.Correlation:0.000}"));
        foreach (var line in GeometrySummary.MinimaLines(minima, problem.Layout.ParameterNames)) log.WriteLine(line);
        foreach (var hit in atBounds) log.WriteLine($"  warning: {hit.Describe()}");
        log.WriteLine($"wrote {files.Count + 1} file(s) to {output} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static object Summary(string path, GeometryConfig c, GeometryProblem problem, GeometryResult r, IReadOnlyList<CompetingMinimum> minima,
        IReadOnlyList<BoundHit> atBounds, IReadOnlyList<EstimatedNoise> estimated, List<GridScan> scans, List<string> files, TimeSpan elapsed,
        Sampling.Projection.GeoReference? reference) => new
    {
        software = "sourcemodel",
        version = typeof(GeometryRun).Assembly.GetName().Version?.ToString(),
        config = Path.GetFullPath(path),
        created_utc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        elapsed_s = elapsed.TotalSeconds,
        method = r.Method,
        seed = r.Seed,
        termination = Describe(r.Termination),
        iterations = r.Iterations,
        evaluations = r.Evaluations,
        invalid_evaluations = r.InvalidEvaluations,
        misfit = r.Best.Cost,
        optimiser_misfit = r.OptimiserCost,
        no_source_misfit = problem.ZeroModelCost,
        data_count = problem.DataCount,
        medium = new { shear_modulus_pa = c.Medium.ShearModulus, poisson_ratio = c.Medium.PoissonRatio },
        moment_nm = r.Best.Moment,
        mw = r.Best.MomentMagnitude,
        parameters = problem.Space.Specs.Select((s, i) => new
        {
            name = s.Name, value = r.Best.Parameters[i], unit = SourceTemplate.UnitOfFullName(s.Name), min = s.Min, max = s.Max, @fixed = !s.IsFree,
        }),
        reference = GeometrySummary.Reference(reference),
        sources = GeometrySummary.Sources(c.Layout, r.Best.Sources, reference),
        slip_solved_linearly = c.Search.SolveSlipLinearly,
        at_bounds = atBounds.Select(h => new { parameter = h.Parameter, side = h.Side, value = h.Value, bound = h.Bound }),
        competing_minimum = minima.Skip(1).Any(m => m.Indistinguishable)
            ? $"the data cannot distinguish the best model from minimum {minima.Skip(1).First(m => m.Indistinguishable).Rank} (F-test p > {SearchDiagnostics.SignificanceLevel}); see peaks"
            : null,
        datasets = r.Best.Datasets.Select((f, k) => new
        {
            name = f.Name, count = f.Count, weight = f.Weight,
            whitening = problem.Terms[k].Whitening.ToString().ToLowerInvariant(),
            noise = estimated.FirstOrDefault(e => e.Dataset == f.Name) is { } e
                ? new
                {
                    source = "estimated", model = "exponential", sigma_m = Math.Sqrt(e.Estimate.Model.Sill), range_m = e.Estimate.Model.Range,
                    nugget_sigma_m = Math.Sqrt(e.Estimate.Model.Nugget), points = e.FarFieldPoints, method = "REML on the residual of a first unweighted fit, away from the deformation",
                }
                : (object)new { source = problem.Terms[k].Whitening == WhiteningMode.Covariance ? "declared covariance" : problem.Terms[k].Whitening == WhiteningMode.Sigma ? "declared sigmas" : "none" },
            nuisance_model = problem.Terms[k].Nuisance.ToString().ToLowerInvariant(),
            nuisance = f.NuisanceNames.Select((n, j) => (n, f.Nuisance[j])).ToDictionary(t => t.n, t => t.Item2),
            nuisance_centre_east_m = f.CentreEast, nuisance_centre_north_m = f.CentreNorth,
            rms_m = f.Rms, whitened_rms = f.WhitenedRms, correlation = f.Correlation,
        }),
        peaks = minima.Select(p => new
        {
            rank = p.Rank, misfit = p.Cost, delta_chi2 = p.DeltaChiSquare, f_ratio = p.FRatio, p_value = p.PValue,
            indistinguishable = p.Indistinguishable, mw = p.MomentMagnitude,
            parameters = r.ParameterNames.Select((n, i) => (n, p.Parameters[i])).ToDictionary(t => t.n, t => t.Item2),
        }),
        grid_search = scans.Select((s, k) => new
        {
            file = $"grid_search_{k + 1}.csv", first = s.First.Parameter, second = s.Second?.Parameter, refit = s.Reoptimised,
            best_misfit = s.Costs.Min(),
            best_first = s.First.Values[s.Minimum.I], best_second = s.Second is null ? (double?)null : s.Second.Values[s.Minimum.J],
        }),
        files,
    };

    /// <summary>Termination reason in snake case, as written to summary.json.</summary>
    public static string Describe(TerminationReason r) => r switch
    {
        TerminationReason.MaxIterations => "max_iterations",
        TerminationReason.MaxEvaluations => "max_evaluations",
        TerminationReason.TimeLimit => "time_limit",
        TerminationReason.TargetReached => "target_reached",
        _ => r.ToString().ToLowerInvariant(),
    };


    private static string R(double v) => NumberFormat.RoundTrip(v);
}
