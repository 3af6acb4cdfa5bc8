using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Okada;
using SourceModel.Okada.Forward;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel forward --html`: the displacement field (east, north, up and LOS) with the fault outlines, as
/// heat maps when the points form a grid and as coloured points otherwise (km, cm); `--png` adds a static image.</summary>
internal static class ForwardReport
{
    public static void Write(ForwardModel model, ObservationPoints points, SurfaceField field, LosVector? globalLos, string html, string? png,
        IReadOnlyList<string> command, TextWriter log)
    {
        var outlines = new List<Polyline>();
        foreach (var (f, k) in model.Faults.Select((f, k) => (f, k)))
        {
            var c = f.Corners();
            outlines.Add(new Polyline($"fault {k + 1}", c.Select(p => p.East / 1000).Append(c[0].East / 1000).ToArray(),
                c.Select(p => p.North / 1000).Append(c[0].North / 1000).ToArray(), "black"));
            // The top edge in red (solid where it breaks the surface, dashed where it is buried), so the dip direction reads.
            outlines.Add(new Polyline(f.TopDepth < 1e-6 * f.Width ? $"surface trace {k + 1}" : $"top edge {k + 1}",
                [c[0].East / 1000, c[1].East / 1000], [c[0].North / 1000, c[1].North / 1000], "red") { Width = 3, Dash = f.TopDepth < 1e-6 * f.Width ? null : "dash" });
        }
        var quantities = new List<(string Id, string Name, double[] Values)>
        {
            ("east", "east displacement", field.East.ToArray()),
            ("north", "north displacement", field.North.ToArray()),
            ("up", "vertical displacement", field.Up.ToArray()),
        };
        if (globalLos is not null || points.Los.All(l => l is not null))
            quantities.Add(("los", "LOS displacement (toward the satellite)", Enumerable.Range(0, field.Count).Select(i => field.Los(i, points.Los[i] ?? globalLos!.Value)).ToArray()));
        double moment = model.Faults.Sum(f => f.Moment(model.Medium));
        var report = new Report("Surface displacement")
            .Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Metadata("version", typeof(ForwardReport).Assembly.GetName().Version?.ToString() ?? "")
            .Section("Sources")
            .Table(["#", "east (km)", "north (km)", "top depth (km)", "length (km)", "width (km)", "strike (°)", "dip (°)", "rake (°)", "slip (m)"],
                model.Faults.Select((f, k) => (IReadOnlyList<string>)[(k + 1).ToString(CultureInfo.InvariantCulture), F(f.East / 1000), F(f.North / 1000),
                    F(f.TopDepth / 1000), F(f.Length / 1000), F(f.Width / 1000), F(f.Strike), F(f.Dip), F(f.Slip.Rake), F(f.Slip.Magnitude)]))
            .Paragraph(moment > 0 ? string.Create(CultureInfo.InvariantCulture, $"M0 = {moment:E3} N·m, Mw = {2.0 / 3.0 * (Math.Log10(moment) - 9.1):F2} (μ = {model.Medium.ShearModulus / 1e9:G4} GPa, ν = {model.Medium.PoissonRatio:G3}).") : "No rectangular sources.")
            .Section("Displacement");
        var grid = Grid(points);
        var vectors = HorizontalVectors(points, field, grid);
        foreach (var (id, name, values) in quantities)
        {
            var cm = values.Select(v => v * 100).ToArray();
            // The vertical map carries the horizontal motion as arrows: together they show the full 3-D field.
            var lines = id == "up" ? [.. outlines, vectors] : outlines;
            string title = id == "up" ? name + " with horizontal displacement (arrows)" : name;
            report.Add(grid is { } g
                ? StandardFigures.FieldMap(id, title, g.X, g.Y, g.Rows(cm), name.Split(' ')[0], "cm", ("east", "km"), ("north", "km"), outlines: lines)
                : StandardFigures.PointMap(id, title, points.East.Select(e => e / 1000).ToArray(), points.North.Select(n => n / 1000).ToArray(), cm, name.Split(' ')[0], "cm", outlines: lines));
        }
        report.Save(html);
        log.WriteLine($"wrote {html} ({quantities.Count} figures).");
        if (png is null) return;
        if (PngExport.Chromium is null)
        {
            log.WriteLine($"skipped {png}: PNG export needs headless Chromium (Debian package 'chromium'); the HTML report is complete without it.");
            return;
        }
        PngExport.Screenshot(html, png);
        log.WriteLine($"wrote {png}.");
    }

    /// <summary>Horizontal displacement arrows on at most ~25 × 25 of the points (every k-th), the longest a twentieth of
    /// the map's width.</summary>
    private static Polyline HorizontalVectors(ObservationPoints points, SurfaceField field,
        (double[] X, double[] Y, Func<double[], IReadOnlyList<IReadOnlyList<double>>> Rows)? grid)
    {
        int every = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(points.Count / 625.0)));
        // On a grid, every k-th column of every k-th row (the node coordinates are sorted: binary search).
        var pick = grid is { } g
            ? Enumerable.Range(0, points.Count).Where(k => Array.BinarySearch(g.X, points.East[k] / 1000) % every == 0
                                                         && Array.BinarySearch(g.Y, points.North[k] / 1000) % every == 0).ToArray()
            : Enumerable.Range(0, points.Count).Where(k => k % (every * every) == 0).ToArray();
        double span = Math.Max(points.East.Max() - points.East.Min(), points.North.Max() - points.North.Min()) / 1000;
        double largest = pick.Select(k => Math.Sqrt(field.East[k] * field.East[k] + field.North[k] * field.North[k])).DefaultIfEmpty(0).Max();
        double scale = largest > 0 ? span / 20 / largest : 0;
        return Polyline.Arrows("horizontal displacement", pick.Select(k => points.East[k] / 1000).ToArray(), pick.Select(k => points.North[k] / 1000).ToArray(),
            pick.Select(k => field.East[k]).ToArray(), pick.Select(k => field.North[k]).ToArray(), scale, "black") with { Width = 1 };
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The points as a full regular grid (x fastest or y fastest), or null.</summary>
    private static (double[] X, double[] Y, Func<double[], IReadOnlyList<IReadOnlyList<double>>> Rows)? Grid(ObservationPoints p)
    {
        var xs = p.East.Distinct().Order().ToArray();
        var ys = p.North.Distinct().Order().ToArray();
        if (xs.Length < 2 || ys.Length < 2 || (long)xs.Length * ys.Length != p.Count) return null;
        var ix = xs.Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
        var iy = ys.Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
        var at = new int[ys.Length, xs.Length];
        for (int k = 0; k < p.Count; k++) at[iy[p.North[k]], ix[p.East[k]]] = k;
        return (xs.Select(x => x / 1000).ToArray(), ys.Select(y => y / 1000).ToArray(),
            values => Enumerable.Range(0, ys.Length).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, xs.Length).Select(i => values[at[j, i]]).ToArray()).ToArray());
    }
}
