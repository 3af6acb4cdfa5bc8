using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Slip;
using SourceModel.Okada.Geometry;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;
using SourceModel.Sampling.Projection;

namespace SourceModel.Cli.Commands;

/// <summary>The step-2 report: key numbers, slip on each segment (with rake arrows) and in 3-D, data/model/residual per
/// dataset with the fault drawn on, the L-curve with its corner, and the dip–smoothing criterion when scanned.</summary>
internal static class SlipReport
{
    public static void Write(string html, string config, IReadOnlyList<string> command, SlipConfig c, SlipOutcome o,
        IReadOnlyList<GeodeticDataset> data, GeoReference? reference, ResolutionStudy? resolution = null)
    {
        var s = o.Chosen;
        var peak = s.PeakPatch;
        var report = new Report("Distributed slip (step 2)")
            .Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("config", Path.GetFullPath(config))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Metadata("fault", $"{o.Fault.Patches.Count} patches on {o.Fault.SegmentCount} segment(s): {c.FaultOrigin}")
            .Metadata("slip", c.Basis.IsWindow
                ? F($"rake window {c.Basis.FirstRake:0.#}°–{c.Basis.SecondRake:0.#}°, each basis coefficient 0–{c.Basis.MaxSlip:G4} m")
                : F($"free-sign strike- and dip-slip, each within ±{c.Basis.MaxSlip:G4} m"))
            .Metadata("smoothing", F($"{(c.Target == RoughnessTarget.StressDrop ? "shear stress drop" : "slip")} Laplacian, {c.Boundary}; weight {s.Alpha:G4} ({o.ChosenBy})"))
            .Metadata("solution", F($"misfit χ² {s.Misfit:G6}, roughness {s.Roughness:G4}, converged {s.Converged}, KKT violation {s.KktViolation:E1}"))
            .Metadata("moment", F($"M0 {s.Moment:G4} N·m, Mw {s.MomentMagnitude:0.00}"));
        report.Section("Key numbers").Table(["quantity", "value"],
        [
            ["Mw", F($"{s.MomentMagnitude:0.000}")],
            ["M0 (N·m)", F($"{s.Moment:G4}")],
            ["peak slip (m)", F($"{peak.Magnitude:0.###} at rake {peak.Rake:0.#}°, depth {peak.Geometry.Centroid.Depth / 1000:0.##} km")],
            ["slip-weighted centroid (km)", F($"east {s.Centroid.East / 1000:0.##}, north {s.Centroid.North / 1000:0.##}, depth {s.Centroid.Depth / 1000:0.##}")],
            .. s.Datasets.Select(f => (IReadOnlyList<string>)[$"{f.Name}", F($"RMS {f.Rms * 100:0.00} cm, correlation {f.Correlation:0.000}")]),
        ]);

        report.Section("Slip");
        foreach (var segment in o.Fault.Patches.GroupBy(p => p.Segment))
        {
            var patches = segment.OrderBy(p => p.DownDip).ThenBy(p => p.AlongStrike).ToList();
            int along = patches.Max(p => p.AlongStrike) + 1, down = patches.Max(p => p.DownDip) + 1;
            var g = patches[0].Geometry;
            report.Add(StandardFigures.SlipPatches($"slip-{segment.Key + 1}",
                F($"segment {segment.Key + 1}: slip (strike {g.Strike:0.#}°, dip {g.Dip:0.#}°), viewed from the hanging wall; arrows: hanging-wall slip"), along, down,
                g.Length / 1000, g.Width / 1000, patches.Select(p => s.Patches[p.Index].StrikeSlip).ToArray(), patches.Select(p => s.Patches[p.Index].DipSlip).ToArray(),
                new PlaneView(g.Strike, g.Dip, g.TopDepth / 1000),
                marked: resolution is null ? null : patches.Select(p => resolution.Resolution.Patches[p.Index] < resolution.Threshold).ToArray(),
                markedName: resolution is null ? "" : F($"resolution < {resolution.Threshold:0.###}")));
        }
        report.Add(StandardFigures.SlipPatches3D("slip-3d", "slip in 3-D",
            s.Patches.Select(p => p.Geometry.Corners().Select(k => (k.East / 1000, k.North / 1000, -k.Depth / 1000)).ToArray()).ToArray(),
            s.Patches.Select(p => p.Magnitude).ToArray()));

        if (resolution is not null) AddResolution(report, resolution, s);

        var outlines = Outlines(o.Fault);
        for (int k = 0; k < data.Count; k++) DatasetFitOutput.AddSection(report, k, data[k], s.Datasets[k], outlines);

        string roughnessUnit = c.Target == RoughnessTarget.StressDrop ? "Pa²" : "m²";
        if (o.Curve is { } curve)
        {
            var marks = new List<(string, int)>();
            if (curve.Corner >= 0) marks.Add(("max-curvature corner", curve.Corner));
            if (curve.AbicMinimum >= 0) marks.Add(("ABIC minimum", curve.AbicMinimum));
            if (curve.GcvMinimum >= 0) marks.Add(("GCV minimum", curve.GcvMinimum));
            var figure = StandardFigures.LCurve("l-curve", $"L-curve: misfit against roughness (log–log); chosen by {c.Weight.ChosenBy}",
                curve.Solutions.Select(p => p.Roughness).ToArray(), curve.Solutions.Select(p => p.Misfit).ToArray(),
                curve.Solutions.Select(p => p.Alpha).ToArray(), curve.ChosenIndex, ("roughness ‖Hs‖²", roughnessUnit), ("misfit χ²", "dimensionless"), logLog: true, marks: marks);
            string Picked(int i) => string.Join(", ", new[] { (curve.Corner, "corner"), (curve.AbicMinimum, "ABIC"), (curve.GcvMinimum, "GCV") }
                .Where(t => t.Item1 == i).Select(t => t.Item2).Prepend(i == curve.ChosenIndex ? "chosen" : "").Where(t => t.Length > 0));
            report.Section("Choice of the smoothing weight")
                .Paragraph("Three rules are shown: the L-curve's corner (maximum curvature), the minimum of ABIC (the weight under which the data are most " +
                           "probable) and of GCV (the best prediction of data left out); ABIC and GCV treat the smoothing as a Gaussian prior over every coefficient, " +
                           "evaluated at the bounded solution (docs/formats.md). `choose` in the slip section selects the rule.")
                .Add(figure)
                .Table(["weight", "misfit χ²", "roughness", "curvature", "ABIC", "GCV", "Mw", "converged", "picked by"], curve.Solutions.Select((p, i) => (IReadOnlyList<string>)
                    [F($"{p.Alpha:G4}"), F($"{p.Misfit:G6}"), F($"{p.Roughness:G4}"), double.IsNaN(curve.Curvature[i]) ? "" : F($"{curve.Curvature[i]:0.###}"),
                     curve.Criteria is { } cr ? F($"{cr[i].Abic:0.##}") : "", curve.Criteria is { } cg ? F($"{cg[i].Gcv:G4}") : "",
                     F($"{p.MomentMagnitude:0.000}"), p.Converged ? "yes" : "no", Picked(i)]));
        }
        if (o.Scan is { } scan)
        {
            var rows = Enumerable.Range(0, scan.Dips.Length).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, scan.Weights.Length).Select(k => scan.Criterion[i, k]).ToArray()).ToArray();
            report.Section(F($"Dip–smoothing scan: minimum at dip {scan.Dips[scan.Best.Dip]:0.##}°, weight {scan.Weights[scan.Best.Weight]:G4}"))
                .Paragraph("f(δ, α²) = log(ψ̂ + ξ̂): misfit and roughness normalised by their largest values over the scan; the minimum is the dip that fits the data with the least roughness.")
                .Add(StandardFigures.FieldMap("dip-scan", "f(δ, α²)", scan.Weights.Select(Math.Log10).ToArray(), scan.Dips, rows, "f", "dimensionless",
                    ("log₁₀ smoothing weight", "dimensionless"), ("dip", "°"), diverging: false, equalAspect: false));
        }
        report.Save(html);
    }

    /// <summary>Each segment's surface projection (solid) and top edge (red), km.</summary>
    /// <summary>The resolution section: the numbers, the resolution and both recovery tests on the patches in 3-D.</summary>
    private static void AddResolution(Report report, ResolutionStudy r, SlipSolution s)
    {
        var corners = s.Patches.Select(p => p.Geometry.Corners().Select(k => (k.East / 1000, k.North / 1000, -k.Depth / 1000)).ToArray()).ToArray();
        var spike = r.Spike;
        report.Section(F($"Resolution at weight {r.Resolution.Alpha:G4}")).Table(["quantity", "value"],
        [
            ["patch resolution (diagonal of N⁻¹GᵀG, mean of the two coefficients)", F($"{r.Resolution.Patches.Min():0.###} – {r.Resolution.Patches.Max():0.###}")],
            [F($"patches below {r.Threshold:0.###} (crosses on the slip figures)"), F($"{r.PoorlyResolved.Count} of {r.Resolution.Patches.Length}")],
            [F($"checkerboard, {r.CheckerSize} × {r.CheckerSize} patches of {r.Checkerboard.Input.Max():0.###} m (rake {r.Rake:0.#}°)"),
                F($"correlation of recovered with input {r.Checkerboard.Correlation:0.###}")],
            [F($"spike, {spike.Input.Max():0.###} m on the peak patch"), F($"recovered peak {spike.Recovered.Max():0.###} m, total recovered {spike.Recovered.Sum() / spike.Input.Sum():0.##} × the input")],
            .. r.Resolution.Data is { } d ? [(IReadOnlyList<string>)["data resolution (diagonal of G N⁻¹ Gᵀ): sum = influence trace", F($"{d.Sum():0.##} of {d.Length} data")]] : Array.Empty<IReadOnlyList<string>>(),
        ]);
        report.Add(StandardFigures.Patches3D("resolution-3d", "model resolution per patch (1: set by the data, 0: by the smoothing)", corners, r.Resolution.Patches, "resolution", "", false));
        report.Add(StandardFigures.Patches3D("checker-input-3d", "checkerboard test: input slip", corners, r.Checkerboard.Input, "slip", "m", false));
        report.Add(StandardFigures.Patches3D("checker-recovered-3d", "checkerboard test: recovered slip (noise-free data, same bounds and weight)", corners, r.Checkerboard.Recovered, "slip", "m", false));
        report.Add(StandardFigures.Patches3D("spike-recovered-3d", "spike test: recovered slip", corners, spike.Recovered, "slip", "m", false));
    }

    private static List<Polyline> Outlines(Okada.Discretisation.DiscretisedFault fault)
    {
        var lines = new List<Polyline>();
        foreach (var segment in fault.Patches.GroupBy(p => p.Segment))
        {
            var ps = segment.ToList();
            int along = ps.Max(p => p.AlongStrike), down = ps.Max(p => p.DownDip);
            RectangularFault At(int i, int j) => ps.First(p => p.AlongStrike == i && p.DownDip == j).Geometry;
            var corners = new[] { At(0, 0).Corners()[0], At(along, 0).Corners()[1], At(along, down).Corners()[2], At(0, down).Corners()[3] };
            lines.Add(new Polyline("fault", corners.Select(p => p.East / 1000).Append(corners[0].East / 1000).ToArray(),
                corners.Select(p => p.North / 1000).Append(corners[0].North / 1000).ToArray()));
            lines.Add(new Polyline("top edge", [corners[0].East / 1000, corners[1].East / 1000], [corners[0].North / 1000, corners[1].North / 1000], "red"));
        }
        return lines;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
