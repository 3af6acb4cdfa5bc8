using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Coulomb;
using SourceModel.Okada.Geometry;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Cli.Commands;

/// <summary>The Coulomb report: the receiver and friction, ΔCFS maps at each grid depth (source outlines and the fault's
/// cut at that depth drawn on), each cross-section (distance × depth, with the fault's cut), and ΔCFS on receiver patches
/// in 3-D. Values in bar, as Coulomb users read them, on one symmetric colour scale: <c>colour_limit_bar</c>, or the 98th
/// percentile of |ΔCFS| over the nodes away from the source (never the near-source maximum, which would wash out every
/// lobe).</summary>
internal static class CoulombReport
{
    public static void Write(string html, CoulombConfig c, IReadOnlyList<(string File, string Kind, CoulombPoint[] Points, double[]? Distance)> results,
        AftershockFractions? aftershocks = null)
    {
        var receiver = c.Receiver.Plane is { } p
            ? F($"specified plane: strike {p.Strike:0.#}°, dip {p.Dip:0.#}°, rake {p.Rake:0.#}°")
            : "optimally oriented planes in the regional stress";
        var report = new Report("Coulomb failure stress change")
            .Metadata("sources", F($"{c.Sources.Count} slipping patch(es), M0 {c.Sources.Sum(f => f.Moment(c.Medium)):G4} N·m"))
            .Metadata("medium", F($"μ {c.Medium.ShearModulus / 1e9:0.##} GPa, ν {c.Medium.PoissonRatio:0.###}"))
            .Metadata("friction", F($"effective friction μ' {c.Friction:0.###}"))
            .Metadata("receiver", receiver);
        if (c.ReceiverFaults.Count > 0) report.Metadata("receiver patches", c.ReceiverRakeRule);
        if (aftershocks is { } k && c.Catalogue is { } catalogue)
            report.Section("catalogue.csv: aftershocks as receivers").Paragraph(catalogue.HasMechanisms
                ? F($"{k.Events} regular event(s) of {catalogue.Receivers.Count}: ΔCFS > 0 on nodal plane 1 for {k.FirstPlane:P0}, on plane 2 for {k.SecondPlane:P0}, on either for {k.Either:P0}, on both for {k.Both:P0}.")
                : F($"{k.Events} regular event(s) of {catalogue.Receivers.Count}, without mechanisms: ΔCFS > 0 on the receiver for {k.FirstPlane:P0}."));
        var outlines = Outlines(c.Sources);
        double limit = c.ColourLimitBar ?? RobustLimit(c, results);
        report.Paragraph(c.ColourLimitBar is null
            ? F($"Colour scale ±{limit:0.###} bar: the 98th percentile of |ΔCFS| over the grid and section nodes more than {FaultCuts.NearDistance(c.Sources) / 1e3:0.#} km from every source patch (set colour_limit_bar to choose it).")
            : F($"Colour scale ±{limit:0.###} bar (colour_limit_bar)."));
        foreach (var (file, kind, points, distance) in results)
        {
            var valid = points.Where(q => q.Status == Okada.OkadaStatus.Normal).Select(q => q.Stress.Coulomb / 1e5).ToArray();
            report.Section($"{file}: {kind.Replace('_', ' ')}")
                .Paragraph(valid.Length == 0 ? "no regular point." : F($"{points.Length} points; ΔCFS from {valid.Min():0.###} to {valid.Max():0.###} bar."));
            string id = Path.GetFileNameWithoutExtension(file).Replace('_', '-');
            if (kind == "grid")
                foreach (var depth in points.Select(q => q.Depth).Distinct())
                {
                    var at = points.Where(q => q.Depth == depth).ToArray();
                    var (x, y, z) = Lattice(at.Select(q => q.East / 1e3).ToArray(), at.Select(q => q.North / 1e3).ToArray(), at.Select(Bar).ToArray());
                    report.Add(StandardFigures.FieldMap(F($"{id}-{depth:0}"), F($"ΔCFS at {depth / 1e3:0.##} km depth (thick line: the fault at this depth)"), x, y, z, "ΔCFS", "bar",
                        ("east", "km"), ("north", "km"), outlines: [.. outlines, FaultCuts.AtDepth(c.Sources, depth)], limit: limit));
                }
            else if (kind == "cross_section" && distance is not null)
            {
                var (x, y, z) = Lattice(distance.Select(d => d / 1e3).ToArray(), points.Select(q => q.Depth / 1e3).ToArray(), points.Select(Bar).ToArray());
                // The section runs from its first point: distance 0 there, along the line through its last point.
                var (first, last) = (points[Array.IndexOf(distance, distance.Min())], points[Array.IndexOf(distance, distance.Max())]);
                var cut = FaultCuts.OnSection(c.Sources, first.East, first.North, last.East, last.North);
                report.Add(StandardFigures.FieldMap(id, "ΔCFS on the cross-section (thick line: the fault)", x, y, z, "ΔCFS", "bar", ("distance", "km"), ("depth", "km"),
                    depthDown: true, outlines: [cut], limit: limit));
            }
            else
                report.Add(StandardFigures.Patches3D(id, "ΔCFS on the receiver patches",
                    c.ReceiverFaults.Select(f => f.Corners().Select(k => (k.East / 1e3, k.North / 1e3, -k.Depth / 1e3)).ToArray()).ToArray(),
                    points.Select(Bar).ToArray(), "ΔCFS", "bar", diverging: true, limit: limit));
        }
        report.Save(html);
    }

    /// <summary>The 98th percentile of |ΔCFS| (bar) over grid and section nodes away from every source patch; receiver
    /// patches count when there is nothing else.</summary>
    private static double RobustLimit(CoulombConfig c, IReadOnlyList<(string File, string Kind, CoulombPoint[] Points, double[]? Distance)> results)
    {
        double near = FaultCuts.NearDistance(c.Sources);
        var mapped = results.Where(r => r.Kind is "grid" or "cross_section").SelectMany(r => r.Points)
            .Where(q => !FaultCuts.Near(c.Sources, q.East, q.North, q.Depth, near)).Select(Bar).ToList();
        if (mapped.Count(double.IsFinite) == 0) mapped = results.SelectMany(r => r.Points).Select(Bar).ToList();
        return ColourScales.RobustLimit(mapped);
    }

    private static double Bar(CoulombPoint q) => q.Status == Okada.OkadaStatus.Normal ? q.Stress.Coulomb / 1e5 : double.NaN;

    /// <summary>Scattered lattice values as rows (one per distinct y) of columns (distinct x); absent nodes are NaN.</summary>
    private static (double[] X, double[] Y, IReadOnlyList<double>[] Z) Lattice(double[] x, double[] y, double[] v)
    {
        var xs = x.Select(Round).Distinct().Order().ToArray();
        var ys = y.Select(Round).Distinct().Order().ToArray();
        var z = ys.Select(_ => Enumerable.Repeat(double.NaN, xs.Length).ToArray()).ToArray();
        for (int k = 0; k < v.Length; k++) z[Array.BinarySearch(ys, Round(y[k]))][Array.BinarySearch(xs, Round(x[k]))] = v[k];
        return (xs, ys, z);
    }

    private static double Round(double v) => Math.Round(v, 6);

    private static List<Polyline> Outlines(IReadOnlyList<RectangularFault> sources)
    {
        // One outline around all patches of each plane would need the segment structure; the patch outlines of a
        // 250-patch model clutter the map, so only the patches that slip more than a tenth of the peak are drawn.
        double peak = sources.Count == 0 ? 0 : sources.Max(f => f.Slip.Magnitude);
        return sources.Where(f => f.Slip.Magnitude >= 0.1 * peak).Take(400).Select(f =>
        {
            var k = f.Corners();
            return new Polyline("source", k.Select(q => q.East / 1e3).Append(k[0].East / 1e3).ToArray(), k.Select(q => q.North / 1e3).Append(k[0].North / 1e3).ToArray(), "rgba(0,0,0,0.25)");
        }).ToList();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
