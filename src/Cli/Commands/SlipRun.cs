using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Coulomb.Inp;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Discretisation;
using SourceModel.Sampling;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>What step 2 produced: the chosen solution, the curve or scan it was chosen on, and the fault it lives on.</summary>
internal sealed record SlipOutcome(SlipSolution Chosen, DiscretisedFault Fault, SlipSystem System, string ChosenBy, LCurve? Curve, DipAlphaScan? Scan);

/// <summary>
/// `sourcemodel slip CONFIG.yaml`: imports the data, discretises the fault, solves for slip at a fixed smoothing weight,
/// at the L-curve corner, or at the minimum of a dip–smoothing scan, and writes the run folder — summary.json,
/// slip_model.csv, patches.geojson, slip_model.inp, lcurve.csv, dip_scan.csv, one predictions CSV per dataset and
/// report.html (docs/formats.md, "slip run folder"). Every file is written only after the solution exists.
/// </summary>
internal static class SlipRun
{
    public static void Run(string path, string? outputOverride, bool html, TextWriter log, IReadOnlyList<string> command, ResolutionRequest? resolution = null)
    {
        var c = SlipConfig.Load(path);
        if (resolution is not null && c.Algebra == SlipAlgebra.MatrixFree)
            throw new UserError($"{path}: --resolution needs the dense normal equations; this configuration asks for slip.algebra: matrix_free (use larger patches or fewer data and the dense path for a resolution study).");
        string output = outputOverride is null ? c.Output : Path.GetFullPath(outputOverride);
        c.Data.RefuseInputsInside(output, path);
        using var folder = RunFolder.Claim(output, "slip", command, path);
        if (folder.StaleNote is { } note) log.WriteLine(note);
        Run(c, output, html, log, command, resolution);
    }

    /// <summary>Runs a parsed configuration into <paramref name="output"/>.</summary>
    public static void Run(SlipConfig c, string output, bool html, TextWriter log, IReadOnlyList<string> command, ResolutionRequest? resolution = null)
    {
        var clock = Stopwatch.StartNew();
        string path = c.Path;
        var imported = c.Data.ImportAll().Select(d => d.Data).ToList();
        var reference = imported[0].Reference;
        if (c.FaultReference is not null && !Equals(c.FaultReference, reference))
            throw new UserError($"{path}: the step-1 run's local frame ({c.FaultReference}) differs from the data's ({(reference?.ToString() ?? "local metres")}); " +
                                "declare the same 'reference' as in the step-1 configuration.");
        SlipResources.CheckWithData(c, imported.Sum(d => (long)d.Count));
        if (RunEstimates.Slip(c, imported.Sum(d => d.Count)) is { } estimate)
            GeometryRun.StartEstimate(path, log, estimate);
        var terms = FitKeys.Prepare(path, imported, c.Fit);
        var fault = DiscretisedFault.Segments(c.Segments);
        log.WriteLine($"{path}: {terms.Count} dataset(s), {terms.Sum(t => t.Count)} observations; {fault.Patches.Count} patches on {fault.SegmentCount} segment(s) ({c.FaultOrigin})");
        var outcome = Solve(c, terms, fault, log);
        var chosen = outcome.Chosen;
        if (!chosen.Converged)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the solver stopped before its optimality test was met (KKT violation {chosen.KktViolation:E2}); results are written with that flag."));

        var files = new List<string>();
        var staged = new List<(string Name, Action<TextWriter> Write)>();
        void Stage(string name, Action<TextWriter> write) => staged.Add((name, write));
        Stage("slip_model.csv", w => CsvTable.Write(w,
            ["east_m", "north_m", "top_depth_m", "length_m", "width_m", "strike_deg", "dip_deg", "strike_slip_m", "dip_slip_m", "slip_m", "rake_deg", "segment", "along_strike", "down_dip"],
            chosen.Patches.Select(p =>
            {
                var g = p.Geometry;
                var place = outcome.Fault.Patches[p.Index];
                return (IEnumerable<string>)[R(g.East), R(g.North), R(g.TopDepth), R(g.Length), R(g.Width), R(g.Strike), R(g.Dip), R(p.StrikeSlip), R(p.DipSlip),
                    R(p.Magnitude), R(p.Rake), I(place.Segment + 1), I(place.AlongStrike + 1), I(place.DownDip + 1)];
            })));
        Stage("patches.geojson", w => w.Write(FaultGeoJson.PatchesToJson(chosen, outcome.Fault, reference)));
        if (chosen.Patches.Any(p => p.Magnitude > 0))
            Stage("slip_model.inp", w => InpWriter.Write(SlipModelInput.Create(chosen.Patches.Select(p => p.Geometry).ToList(), c.Medium,
                $"sourcemodel slip model from {Path.GetFileName(path)}: Mw {chosen.MomentMagnitude.ToString("0.00", CultureInfo.InvariantCulture)}", c.Friction,
                geographic: reference is null ? null : new LocalProjection(reference).Inverse), w));
        if (outcome.Curve is { } curve)
            Stage("lcurve.csv", w => CsvTable.Write(w, ["weight", "misfit", "roughness", "curvature", "abic", "gcv", "free_unknowns", "mw", "converged", "corner", "abic_minimum", "gcv_minimum", "chosen"],
                curve.Solutions.Select((s, k) => (IEnumerable<string>)[R(s.Alpha), R(s.Misfit), R(s.Roughness), R(curve.Curvature[k]),
                    R(curve.Criteria?[k].Abic ?? double.NaN), R(curve.Criteria?[k].Gcv ?? double.NaN), I(curve.Criteria?[k].FreeUnknowns ?? 0), R(s.MomentMagnitude),
                    s.Converged ? "true" : "false", k == curve.Corner ? "true" : "false", k == curve.AbicMinimum ? "true" : "false",
                    k == curve.GcvMinimum ? "true" : "false", k == curve.ChosenIndex ? "true" : "false"])));
        if (outcome.Scan is { } scan)
            Stage("dip_scan.csv", w => CsvTable.Write(w, ["dip_deg", "weight", "misfit", "roughness", "criterion", "chosen"],
                scan.Dips.SelectMany((d, i) => scan.Weights.Select((a, k) => (IEnumerable<string>)[R(d), R(a), R(scan.Solutions[i][k].Misfit),
                    R(scan.Solutions[i][k].Roughness), R(scan.Criterion[i, k]), (i, k) == scan.Best ? "true" : "false"]))));
        ResolutionStudy? study = null;
        if (resolution is not null)
        {
            study = SlipResolutionOutput.Study(c, outcome, resolution, log);
            Stage("resolution.csv", w => SlipResolutionOutput.WritePatches(w, study!, outcome.Fault));
            if (study.Resolution.Data is not null)
                Stage("data_resolution.csv", w => SlipResolutionOutput.WriteData(w, study!, outcome.System));
        }
        for (int k = 0; k < imported.Count; k++)
        {
            var (d, fit) = (imported[k], chosen.Datasets[k]);
            Stage($"predictions_{d.Name}.csv", w => DatasetFitOutput.WritePredictions(w, d, fit));
        }
        // The solves are over: their factor storage (up to n² doubles) goes, and an aggressive collection hands the
        // pages back to the system before the outputs and the report allocate theirs (≈ 60 MB less at Tohoku's peak,
        // ≈ 10 ms).
        outcome.System.ReleaseScratch();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Directory.CreateDirectory(output);
        foreach (var (name, write) in staged)
        {
            AtomicFile.Write(Path.Combine(output, name), write);
            files.Add(name);
        }
        if (html)
        {
            SlipReport.Write(Path.Combine(output, "report.html"), path, command, c, outcome, imported, reference, study);
            files.Add("report.html");
        }
        var summary = SlipSummary.Of(path, c, outcome, reference, files, clock.Elapsed);
        AtomicFile.Write(Path.Combine(output, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        })));
        var peak = chosen.PeakPatch;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.ChosenBy}: weight {chosen.Alpha:G4}, misfit {chosen.Misfit:G5}, roughness {chosen.Roughness:G4}; Mw {chosen.MomentMagnitude:F3}, " +
            $"peak slip {peak.Magnitude:0.###} m (rake {peak.Rake:0.#}) at {peak.Geometry.Centroid.Depth / 1000:0.##} km depth"));
        foreach (var f in chosen.Datasets)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Name}: RMS {f.Rms * 100:0.00} cm, correlation {f.Correlation:0.000}"));
        log.WriteLine($"wrote {files.Count + 1} file(s) to {output} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static SlipOutcome Solve(SlipConfig c, List<DatasetTerm> terms, DiscretisedFault fault, TextWriter log)
    {
        SlipSystem Build(DiscretisedFault f)
        {
            try { return SlipSystem.Build(f, terms, c.Basis, c.Boundary, c.Target, c.Medium, c.FixBlind, c.Algebra); }
            catch (ArgumentException e) { throw new UserError($"{c.Path}: {UserError.Reason(e)}"); }
        }
        if (c.Algebra == SlipAlgebra.MatrixFree)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step 2 on the matrix-free path: about {MemoryBudget.Size(SlipResources.MatrixFreeBytes(fault.Patches.Count, terms.Sum(t => t.Count)))} (the Green's matrix in single precision), " +
                $"solved by gradient projection with conjugate gradients to a KKT tolerance of 1e-6"));
        var system = Build(fault);
        if (system.BlindPatches.Count > 0)
            log.WriteLine($"note: {system.BlindPatches.Count} patch(es) are seen by no datum; " +
                          (system.BlindFixed ? "their slip is held at zero (blind_patches: fix)." : "only the smoothing sets their slip (blind_patches: smooth)."));
        try
        {
            if (c.Weight.Fixed is double alpha)
                return new SlipOutcome(SlipInversion.Solve(system, alpha, c.Solver), fault, system, "fixed weight", null, null);
            var weights = c.Weight.Min is double lo ? SlipInversion.LogWeights(lo, c.Weight.Max!.Value, c.Weight.Count) : SlipInversion.DefaultWeights(system, c.Weight.Count);
            if (c.ScanDips is { } dips)
            {
                // The plane keeps its top edge and width; only the dip changes.
                var top = c.Segments[0];
                var systems = new Dictionary<double, SlipSystem>();
                var scan = ProgressDisplay.Steps(log, "dip-smoothing scan", dips.Length * weights.Length, report =>
                {
                    int done = 0;
                    return DipAlphaScan.Run(d => systems[d] = Build(DiscretisedFault.Segments([top with { Fault = top.Fault with { Dip = d } }])), dips, weights,
                        (d, s) => report(++done, string.Create(CultureInfo.InvariantCulture, $"dip {d:0.##}, weight {s.Alpha:G3}")));
                });
                var best = systems[scan.Dips[scan.Best.Dip]];
                return new SlipOutcome(scan.Chosen, best.Fault, best, "dip-smoothing scan minimum", null, scan);
            }
            var curve = ProgressDisplay.Steps(log, "L-curve", weights.Length, report =>
            {
                int done = 0;
                return SlipInversion.LCurve(system, weights, c.Solver, s => report(++done, string.Create(CultureInfo.InvariantCulture,
                    $"weight {s.Alpha:G4}: misfit {s.Misfit:G5}, roughness {s.Roughness:G4}{(s.Converged ? "" : " (not converged)")}")), c.Weight.Choice);
            });
            if (curve.ChosenAtEdge)
                log.WriteLine($"note: the {c.Weight.ChosenBy} is at the {(curve.ChosenIndex == 0 ? "smallest" : "largest")} weight of the series; its optimum may lie beyond (slip: l_curve: {{min, max}}).");
            return new SlipOutcome(curve.Chosen, fault, system, c.Weight.ChosenBy, curve, null);
        }
        catch (ArgumentException e) { throw new UserError($"{c.Path}: {UserError.Reason(e)}"); }
    }

    private static string R(double v) => NumberFormat.RoundTrip(v);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
