using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion;
using SourceModel.Inversion.Problem;
using SourceModel.Inversion.Results;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Reports.Text;
using SourceModel.Sampling;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>The step-1 report: parameters, data/model/residual per dataset with the fault drawn on, the convergence
/// trace, the peaks table and the grid scans.</summary>
internal static class GeometryReport
{
    public static void Write(string html, string config, IReadOnlyList<string> command, GeometryResult r,
        IReadOnlyList<GeodeticDataset> data, IReadOnlyList<GridScan> scans, GeometryProblem problem,
        IReadOnlyList<CompetingMinimum> minima, IReadOnlyList<BoundHit> atBounds, IReadOnlyList<EstimatedNoise> estimated, GeoReference? reference)
    {
        var report = new Report("Fault geometry (step 1)")
            .Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("config", Path.GetFullPath(config))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Metadata("optimiser", $"{r.Method}, seed {r.Seed}, {r.Iterations} iterations, {r.Evaluations} evaluations ({r.InvalidEvaluations} invalid geometries), stopped: {GeometryRun.Describe(r.Termination)}")
            .Metadata("misfit", $"{F(r.Best.Cost)} (before polish {F(r.OptimiserCost)}; with no source {F(problem.ZeroModelCost)})")
            .Metadata("moment", $"M0 {r.Best.Moment.ToString("G4", CultureInfo.InvariantCulture)} N·m, Mw {r.Best.MomentMagnitude.ToString("0.00", CultureInfo.InvariantCulture)}");
        var best = report.Section("Best model");
        foreach (var e in estimated) best.Paragraph("Noise model: " + e.Describe() + ".");
        foreach (var hit in atBounds) best.Paragraph("Warning: " + hit.Describe());
        if (minima.Skip(1).FirstOrDefault(m => m.Indistinguishable) is { } rival)
            best.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Warning: minimum {rival.Rank} (misfit {F(rival.Cost)}, Δχ² {rival.DeltaChiSquare:F1}) fits the data as well by an F-test (p = {rival.PValue:G2} > {SearchDiagnostics.SignificanceLevel}): the data cannot decide between them; see the minima below."));
        best.Table(["parameter", "value", "unit", "min", "max"], problem.Space.Specs.Select((s, i) => (IReadOnlyList<string>)
                [problem.Layout.Describe(s.Name), Value(s.Name, r.Best.Parameters[i]), SourceTemplate.UnitOfFullName(s.Name),
                 s.IsFree ? Value(s.Name, s.Min) : "fixed", s.IsFree ? Value(s.Name, s.Max) : ""]));
        if (Locations(r.Best.Sources, reference) is { Count: > 0 } located)
            best.Table(["source", "point", "east (km)", "north (km)", "depth (km)", "longitude (°)", "latitude (°)"], located);
        var outlines = Outlines(r.Best.Sources);
        for (int k = 0; k < data.Count; k++) DatasetFitOutput.AddSection(report, k, data[k], r.Best.Datasets[k], outlines);
        report.Section("Convergence")
            .Add(StandardFigures.Convergence("convergence", "best misfit against iteration", "misfit", "σ", (r.Method, r.History.Skip(1).Select(h => h.BestCost).ToArray())));
        report.Section($"Distinct minima ({minima.Count})")
            .Paragraph("Every distinct minimum the search polished (for the multi-start search: each swarm's best and the mirror and auxiliary-plane " +
                       "geometries of every competitive minimum). Δχ² = N(σ² − σ_best²); the F-test compares σ²/σ_best² with an F(N − p, N − p) " +
                       $"distribution, and p > {SearchDiagnostics.SignificanceLevel} means the data cannot tell that minimum from the best.")
            .Table(["rank", "misfit", "Δχ²", "F-test p", "Mw", .. r.ParameterNames.Where((_, i) => problem.Space.Specs[i].IsFree)
                    .Select(n => $"{problem.Layout.Describe(n)} ({SourceTemplate.UnitOfFullName(n)})")],
                minima.Select(p => (IReadOnlyList<string>)[p.Rank.ToString(CultureInfo.InvariantCulture), F(p.Cost), p.DeltaChiSquare.ToString("0.0", CultureInfo.InvariantCulture),
                    p.Rank == 1 ? "best" : p.PValue.ToString("G2", CultureInfo.InvariantCulture) + (p.Indistinguishable ? " (indistinguishable)" : ""),
                    p.MomentMagnitude.ToString("0.00", CultureInfo.InvariantCulture),
                    .. p.Parameters.Select((v, i) => (v, i)).Where(t => problem.Space.Specs[t.i].IsFree).Select(t => Value(r.ParameterNames[t.i], t.v))]));
        for (int s = 0; s < scans.Count; s++)
        {
            var scan = scans[s];
            string refit = scan.Reoptimised ? "other parameters re-fitted at each node" : "other parameters held at the best model";
            string first = problem.Layout.Describe(scan.First.Parameter), second = scan.Second is null ? "" : problem.Layout.Describe(scan.Second.Parameter);
            report.Section($"Grid scan {s + 1}: {first}{(scan.Second is null ? "" : " × " + second)}").Paragraph(refit);
            if (scan.Second is null)
                report.Add(StandardFigures.Profile($"scan-{s + 1}", $"misfit against {first}", scan.First.Values, scan.Costs, null,
                    (first, SourceTemplate.UnitOfFullName(scan.First.Parameter)), ("misfit", "σ")));
            else
            {
                int m = scan.Second.Values.Length;
                var rows = Enumerable.Range(0, scan.First.Values.Length).Select(i => (IReadOnlyList<double>)scan.Costs.Skip(i * m).Take(m).ToArray()).ToArray();
                report.Add(StandardFigures.FieldMap($"scan-{s + 1}", "misfit", scan.Second.Values, scan.First.Values, rows, "misfit", "σ",
                    (second, SourceTemplate.UnitOfFullName(scan.Second.Parameter)), (first, SourceTemplate.UnitOfFullName(scan.First.Parameter)), diverging: false, equalAspect: false));
            }
        }
        report.Save(html);
    }

    /// <summary>Fault outlines (solid) and surface traces (dashed grey) in km for the maps.</summary>
    public static List<Polyline> Outlines(SourceSet s)
    {
        var lines = new List<Polyline>();
        foreach (var f in s.Rectangles)
        {
            var c = f.Corners();
            lines.Add(new Polyline("fault", c.Select(p => p.East / 1000).Append(c[0].East / 1000).ToArray(), c.Select(p => p.North / 1000).Append(c[0].North / 1000).ToArray()));
            var top = new[] { c[0], c[1] };
            lines.Add(new Polyline("top edge", top.Select(p => p.East / 1000).ToArray(), top.Select(p => p.North / 1000).ToArray(), "red"));
        }
        return lines;
    }


    /// <summary>A parameter value to the precision its unit is read to (1 m, 0.1°, 1 mm of slip).</summary>
    private static string Value(string fullName, double v) =>
        Rounding.ByUnit(v, SourceTemplate.UnitOfFullName(fullName), SourceTemplate.IsSlipAmount(fullName));

    /// <summary>Each rectangle's top-edge centre and centroid (and each point source) in km and, with a geographic
    /// reference, in longitude and latitude.</summary>
    private static List<IReadOnlyList<string>> Locations(SourceSet s, GeoReference? reference)
    {
        var projection = reference is null ? null : new LocalProjection(reference);
        IReadOnlyList<string> Row(string source, string point, double e, double n, double d)
        {
            var geo = projection?.Inverse(e, n);
            return [source, point, (e / 1e3).ToString("0.000", CultureInfo.InvariantCulture), (n / 1e3).ToString("0.000", CultureInfo.InvariantCulture),
                (d / 1e3).ToString("0.000", CultureInfo.InvariantCulture),
                geo is { } g ? g.Longitude.ToString("0.0000", CultureInfo.InvariantCulture) : "", geo is { } h ? h.Latitude.ToString("0.0000", CultureInfo.InvariantCulture) : ""];
        }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (f, k) in s.Rectangles.Select((f, k) => (f, k + 1)))
        {
            rows.Add(Row($"rectangle {k}", "top-edge centre", f.East, f.North, f.TopDepth));
            rows.Add(Row($"rectangle {k}", "centroid", f.Centroid.East, f.Centroid.North, f.Centroid.Depth));
        }
        foreach (var (p, k) in s.Points.Select((p, k) => (p, k + 1))) rows.Add(Row($"point {k}", "source", p.East, p.North, p.Depth));
        return rows;
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
