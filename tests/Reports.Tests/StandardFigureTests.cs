using System.Text.Json;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Reports.Tests;

/// <summary>The standard figures: units on every axis, shared colour scales where colours are compared, maps fitted to
/// their data, quadtree leaves at their true extent, rake arrows with heads on a depth axis, compact sample figures —
/// and a report of all of them (with a 2,000-leaf triptych and a 1,000-patch slip figure) renders in Chromium.</summary>
public sealed class StandardFigureTests : IDisposable
{
    private readonly TempFiles _tmp = new();

    private string Dir => _tmp.Root;

    public void Dispose() => _tmp.Dispose();

    private static JsonElement Json(Figure f) => JsonDocument.Parse(f.ToJson()).RootElement;

    private static IEnumerable<JsonElement> Traces(JsonElement j) => j.GetProperty("data").EnumerateArray();

    private static (double[] X, double[] Y, double[] D, double[] M) Points(int n)
    {
        var rng = new Random(1);
        double[] x = new double[n], y = new double[n], d = new double[n], m = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 100 - 50; y[i] = rng.NextDouble() * 100 - 50;
            m[i] = 20 * Math.Exp(-(x[i] * x[i] + y[i] * y[i]) / 300) - 5 * Math.Exp(-((x[i] - 15) * (x[i] - 15) + y[i] * y[i]) / 200);
            d[i] = m[i] + rng.NextDouble() - 0.5;
        }
        return (x, y, d, m);
    }

    [Fact]
    public void The_triptych_shares_one_symmetric_colour_scale_and_titles_every_axis_with_units()
    {
        var (x, y, d, m) = Points(200);
        var j = Json(StandardFigures.Triptych("t", "asc", x, y, d, m, "LOS", "cm"));
        var markers = Traces(j).Where(t => t.GetProperty("mode").GetString() == "markers").ToList();
        Assert.Equal(3, markers.Count);
        double cmax = markers[0].GetProperty("marker").GetProperty("cmax").GetDouble();
        Assert.Equal(ColourScales.SymmetricLimit(d.Concat(m)), cmax);
        foreach (var t in markers)
        {
            Assert.Equal(cmax, t.GetProperty("marker").GetProperty("cmax").GetDouble());
            Assert.Equal(-cmax, t.GetProperty("marker").GetProperty("cmin").GetDouble());
        }
        Assert.Equal("LOS (cm)", markers[2].GetProperty("marker").GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        var layout = j.GetProperty("layout");
        foreach (var axis in new[] { "xaxis", "yaxis", "xaxis2", "yaxis2", "xaxis3", "yaxis3" })
            Assert.EndsWith("(km)", layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("x3", layout.GetProperty("yaxis3").GetProperty("scaleanchor").GetString());
    }

    [Fact]
    public void Quadtree_leaves_are_filled_squares_of_their_true_size_and_the_map_fits_the_data()
    {
        // Two leaves: a 2 km one at (0, 0) with +1 cm, a 4 km one at (10, 0) with −1 cm; data span 35 km of a 120 km frame.
        var j = Json(StandardFigures.LeafMap("m", "asc", [0, 10], [0, 0], [2, 4], [1, -1], "LOS", "cm", hover: ["lon 103.1°, lat 30.2°", "lon 103.2°, lat 30.2°"]));
        var fills = Traces(j).Where(t => t.TryGetProperty("fill", out var f) && f.GetString() == "toself").ToList();
        Assert.Equal(2, fills.Count);                                              // one colour class each
        var red = fills.Single(t => t.GetProperty("x")[0].GetDouble() == -1);     // the +1 leaf: square −1 … 1
        Assert.Equal([-1.0, 1, 1, -1, -1], red.GetProperty("x").EnumerateArray().Take(5).Select(v => v.GetDouble()));
        Assert.Equal(ColourScales.DivergingAt((StandardFigures.LeafColourClasses - 0.5) / StandardFigures.LeafColourClasses), red.GetProperty("fillcolor").GetString());
        var blue = fills.Single(t => t.GetProperty("x")[0].GetDouble() == 8);      // the −1 leaf: square 8 … 12
        Assert.Equal(ColourScales.DivergingAt(0.5 / StandardFigures.LeafColourClasses), blue.GetProperty("fillcolor").GetString());
        // The invisible centre markers carry the colour bar and the lon/lat hover.
        var centres = Traces(j).Single(t => t.GetProperty("mode").GetString() == "markers");
        Assert.Equal(0, centres.GetProperty("marker").GetProperty("opacity").GetDouble());
        Assert.Contains("lon 103.1°", centres.GetProperty("text")[0].GetString());
        // Axes span the leaves (−1 … 12 east, −2 … 2 north) with a 3 % margin, not a fixed frame; no zero lines.
        var xr = j.GetProperty("layout").GetProperty("xaxis").GetProperty("range");
        Assert.Equal(-1 - 0.39, xr[0].GetDouble(), 9);
        Assert.Equal(12 + 0.39, xr[1].GetDouble(), 9);
        Assert.False(j.GetProperty("layout").GetProperty("yaxis").GetProperty("zeroline").GetBoolean());
    }

    [Fact]
    public void Slip_patches_cross_the_marked_patches_at_their_centres_and_only_when_some_are_marked()
    {
        // 3 × 2 patches of 2 km; patches 2 (row 0, column 2) and 3 (row 1, column 0) marked.
        bool[] marked = [false, false, true, true, false, false];
        var j = Json(StandardFigures.SlipPatches("s", "slip", 3, 2, 2, 2, [1, 0, -1, 0, 0, 0], [0, 1, 1, 0, 0, 0], new PlaneView(30, 30, 1),
            marked: marked, markedName: "resolution < 0.1"));
        var data = j.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        var crosses = data[2];
        Assert.Equal("resolution < 0.1", crosses.GetProperty("name").GetString());
        Assert.Equal([5.0, 1.0], crosses.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([1.0, 3.0], crosses.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        var none = Json(StandardFigures.SlipPatches("s", "slip", 3, 2, 2, 2, [1, 0, -1, 0, 0, 0], [0, 1, 1, 0, 0, 0], new PlaneView(30, 30, 1),
            marked: new bool[6], markedName: "x"));
        Assert.Equal(2, none.GetProperty("data").GetArrayLength());
        Assert.Throws<ArgumentException>(() => StandardFigures.SlipPatches("s", "slip", 3, 2, 2, 2, new double[6], new double[6], new PlaneView(30, 30, 1), marked: new bool[5]));
    }

    [Fact]
    public void Slip_patches_show_magnitude_rake_arrows_with_heads_a_depth_axis_and_compass_ends()
    {
        // 3 × 2 patches of 2 km on a plane striking 30°, dipping 30°, top at 1 km: patch rows 1 km apart in depth.
        var j = Json(StandardFigures.SlipPatches("s", "slip", 3, 2, 2, 2, [1, 0, -1, 0, 0, 0], [0, 1, 1, 0, 0, 0], new PlaneView(30, 30, 1)));
        var heat = j.GetProperty("data")[0];
        Assert.Equal(1.0, heat.GetProperty("z")[0][0].GetDouble());
        Assert.Equal(Math.Sqrt(2), heat.GetProperty("z")[0][2].GetDouble(), 12);
        Assert.Equal("slip (m)", heat.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        // Three slipping patches: a shaft (2 vertices + gap) and a two-barbed head (3 + gap) each.
        var arrows = j.GetProperty("data")[1];
        Assert.Equal(3 * 7, arrows.GetProperty("x").GetArrayLength());
        // Patch (0,0) slips +1 m along strike: its shaft runs left to right through the patch centre (1, 1).
        Assert.True(arrows.GetProperty("x")[1].GetDouble() > arrows.GetProperty("x")[0].GetDouble());
        Assert.Equal(1.0, arrows.GetProperty("y")[0].GetDouble(), 12);
        // Patch (1,0) slips up dip (reverse): the tip is higher on the page, i.e. at a smaller down-dip distance.
        Assert.True(arrows.GetProperty("y")[8].GetDouble() < arrows.GetProperty("y")[7].GetDouble());
        var y = j.GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("depth (km)", y.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(4.0, y.GetProperty("range")[0].GetDouble());                  // reversed: deepest at the bottom
        // Ticks placed down dip at the depths they name: depth 2 km is 2 km down a 30° dip from the 1 km top.
        int at = y.GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()).ToList().IndexOf("2");
        Assert.Equal(2.0, y.GetProperty("tickvals")[at].GetDouble(), 9);
        var ends = j.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["<b>SSW</b>", "<b>NNE</b>"], ends);                         // strike 30°: left end SSW (210°), right NNE
    }

    [Fact]
    public void Arrows_have_heads_pointing_along_the_vector_and_compass_names_round_to_sixteen_points()
    {
        var a = Polyline.Arrows("a", [0], [0], [1], [0], 3);
        Assert.Equal((0.0, 3.0), (a.X[0], a.X[1]));                                // shaft (0,0) → (3,0)
        Assert.True(double.IsNaN(a.X[2]));
        Assert.Equal(3.0, a.X[4]);                                                 // the head's apex is the tip
        Assert.True(a.X[3] < 3 && a.X[5] < 3 && a.Y[3] * a.Y[5] < 0);              // barbs behind the tip, either side
        Assert.Empty(Polyline.Arrows("a", [0], [0], [0], [0], 3).X);              // a zero vector is not drawn
        Assert.Equal(["N", "NNE", "E", "SW", "NNW", "N"], new[] { 0.0, 20, 95, 225, 340, 359 }.Select(PlaneView.Compass));
    }

    [Fact]
    public void Histogram_grid_is_compact_and_marks_the_best_fit_and_the_published_value()
    {
        var rng = new Random(3);
        var samples = Enumerable.Range(0, 400).Select(_ => rng.NextDouble()).ToArray();
        var ps = Enumerable.Range(0, 7).Select(k => new SampledParameter($"q{k}", "m", samples) { Best = 0.5, Published = k == 2 ? 0.6 : null }).ToList();
        var j = Json(StandardFigures.HistogramGrid("h", "marginals", ps));
        Assert.Equal(7, j.GetProperty("data").GetArrayLength());
        var layout = j.GetProperty("layout");
        Assert.Equal(230 * 3 + 80, layout.GetProperty("height").GetInt32());      // 3 columns × 3 rows, not 7 full-width figures
        var x7 = layout.GetProperty("xaxis7");
        Assert.Equal("q6 (m)", x7.GetProperty("title").GetProperty("text").GetString());
        Assert.True(x7.GetProperty("domain")[1].GetDouble() < 0.34);               // first column of the third row
        var shapes = layout.GetProperty("shapes").EnumerateArray().ToList();
        Assert.Equal(8, shapes.Count);                                             // 7 best-fit lines + 1 published
        var published = shapes.Single(s => s.GetProperty("line").GetProperty("color").GetString() == "black");
        Assert.Equal(("x3", "y3 domain", 0.6), (published.GetProperty("xref").GetString(), published.GetProperty("yref").GetString(), published.GetProperty("x0").GetDouble()));
    }

    [Fact]
    public void Corner_plot_has_square_panels_one_colour_labelled_outer_axes_and_the_best_fit()
    {
        var rng = new Random(2);
        var a = Enumerable.Range(0, 300).Select(_ => rng.NextDouble()).ToArray();
        var b = a.Select(v => 2 * v + rng.NextDouble() * 0.1).ToArray();
        var c = a.Select(_ => rng.NextDouble()).ToArray();
        var j = Json(StandardFigures.Corner("c", "trade-offs",
            [new("dip", "deg", a) { Best = 0.5 }, new("depth", "km", b) { Best = 1 }, new("slip", "m", c) { Best = 0.2 }]));
        var data = j.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(3, data.Count(t => t.GetProperty("type").GetString() == "histogram"));
        var bests = data.Where(t => t.GetProperty("name").GetString() == "best fit").ToList();
        Assert.Equal(3, bests.Count);                                              // one red cross per scatter panel
        Assert.Contains(bests, t => t.GetProperty("x")[0].GetDouble() == 0.5 && t.GetProperty("y")[0].GetDouble() == 1);
        Assert.Single(data.Where(t => t.GetProperty("name").GetString() != "best fit")
            .Select(t => t.GetProperty("marker").GetProperty("color").GetString()).Distinct());
        var layout = j.GetProperty("layout");
        Assert.Equal(layout.GetProperty("width").GetInt32(), layout.GetProperty("height").GetInt32());
        Assert.Equal("slip (m)", layout.GetProperty("xaxis9").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("depth (km)", layout.GetProperty("yaxis4").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(4, layout.GetProperty("xaxis9").GetProperty("nticks").GetInt32());
        // At most 100 points per scatter panel: every 3rd of 300 samples (0, 3, …, 297); the histograms keep all 300.
        var thinned = Json(StandardFigures.Corner("c", "trade-offs", [new("dip", "deg", a), new("depth", "km", b)], maxScatterPoints: 100)).GetProperty("data");
        var scatter = thinned.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "scatter");
        Assert.Equal(100, scatter.GetProperty("x").GetArrayLength());
        Assert.Equal(a[297], scatter.GetProperty("x")[99].GetDouble());
        Assert.Equal(b[3], scatter.GetProperty("y")[1].GetDouble());
        Assert.Equal(300, thinned[0].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void L_curve_marks_the_chosen_weight_and_sections_put_depth_down_on_the_given_colour_limit()
    {
        var l = Json(StandardFigures.LCurve("l", "L", [1, 2, 4], [9, 3, 2], [100, 10, 1], 1, ("roughness", "m/km²"), ("misfit", "cm")));
        Assert.Equal(2, l.GetProperty("data")[1].GetProperty("x")[0].GetDouble());
        Assert.Contains("weight 10", l.GetProperty("data")[1].GetProperty("name").GetString());
        var note = l.GetProperty("layout").GetProperty("annotations")[0];
        Assert.Equal((2.0, 3.0, "weight 10"), (note.GetProperty("x").GetDouble(), note.GetProperty("y").GetDouble(), note.GetProperty("text").GetString()));
        var log = Json(StandardFigures.LCurve("l", "L", [1, 10, 100], [9, 3, 2], [100, 10, 1], 1, ("roughness", "m/km²"), ("misfit", "cm"), logLog: true));
        Assert.Equal("log", log.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(1.0, log.GetProperty("layout").GetProperty("annotations")[0].GetProperty("x").GetDouble(), 12);   // log10(10)
        var s = Json(StandardFigures.FieldMap("x", "ΔCFS", [0, 1], [0, 5], [[1, -1], [0.5, double.NaN]], "ΔCFS", "bar", ("distance", "km"), ("depth", "km"),
            depthDown: true, limit: 0.4, outlines: [new Polyline("fault", [0, 1], [0, 5])]));
        var y = s.GetProperty("layout").GetProperty("yaxis").GetProperty("range");
        Assert.True(y[0].GetDouble() > y[1].GetDouble());                         // depth increases downward
        Assert.Equal(0.4, s.GetProperty("data")[0].GetProperty("zmax").GetDouble());
        Assert.Equal(-0.4, s.GetProperty("data")[0].GetProperty("zmin").GetDouble());
        Assert.Equal("fault", s.GetProperty("data")[1].GetProperty("name").GetString());
        Assert.Throws<ArgumentException>(() => StandardFigures.LCurve("l", "L", [1], [1], [1], 3, ("r", "u"), ("m", "u")));
    }

    [Fact]
    public void L_curve_marks_the_points_other_rules_pick_each_with_a_symbol_of_its_own()
    {
        var l = Json(StandardFigures.LCurve("l", "L", [1, 2, 4, 8], [9, 3, 2, 1.5], [100, 10, 1, 0.1], 2, ("roughness", "m²"), ("misfit", "–"),
            logLog: true, marks: [("max-curvature corner", 1), ("ABIC minimum", 2), ("GCV minimum", 3)]));
        var data = l.GetProperty("data");
        Assert.Equal(5, data.GetArrayLength());
        Assert.Equal("max-curvature corner: weight 10", data[2].GetProperty("name").GetString());
        Assert.Equal((8.0, 1.5), (data[4].GetProperty("x")[0].GetDouble(), data[4].GetProperty("y")[0].GetDouble()));
        var symbols = Enumerable.Range(2, 3).Select(i => data[i].GetProperty("marker").GetProperty("symbol").GetString()).ToArray();
        Assert.Equal(3, symbols.Distinct().Count());
        Assert.Throws<ArgumentException>(() => StandardFigures.LCurve("l", "L", [1, 2], [2, 1], [1, 2], 0, ("r", "u"), ("m", "u"), marks: [("x", 5)]));
    }

    [Fact]
    public void Patches_become_a_3d_mesh_coloured_by_slip()
    {
        var j = Json(StandardFigures.SlipPatches3D("m", "3-D", [[(0, 0, 0), (1, 0, 0), (1, 0, -1), (0, 0, -1)], [(1, 0, 0), (2, 0, 0), (2, 0, -1), (1, 0, -1)]], [0.5, 2]));
        var mesh = j.GetProperty("data")[0];
        Assert.Equal("mesh3d", mesh.GetProperty("type").GetString());
        Assert.Equal(8, mesh.GetProperty("x").GetArrayLength());
        Assert.Equal(4, mesh.GetProperty("i").GetArrayLength());              // two triangles per patch
        Assert.Equal(2.0, mesh.GetProperty("intensity")[3].GetDouble());
        Assert.Equal("up (km)", j.GetProperty("layout").GetProperty("scene").GetProperty("zaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Lines_draws_each_named_curve_on_titled_axes_and_refuses_mismatched_lengths()
    {
        var j = Json(StandardFigures.Lines("l", "curves", ("distance", "km"), ("velocity", "mm/yr"), ("a", [0, 1], [2, 3]), ("b", [0, 1, 2], [1, 1, 1])));
        Assert.Equal(2, j.GetProperty("data").GetArrayLength());
        Assert.Equal("b", j.GetProperty("data")[1].GetProperty("name").GetString());
        Assert.Equal("lines", j.GetProperty("data")[0].GetProperty("mode").GetString());
        Assert.Equal("velocity (mm/yr)", j.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Throws<ArgumentException>(() => StandardFigures.Lines("l", "t", ("x", "m"), ("y", "m"), ("a", [0, 1], [2])));
        Assert.Throws<ArgumentException>(() => StandardFigures.Lines("l", "t", ("x", "m"), ("y", "m")));
    }

    /// <summary>Every standard figure in one report, as the pipeline uses them.</summary>
    internal static Report AllFigures()
    {
        var (x, y, d, m) = Points(2000);
        var rng = new Random(5);
        var ss = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var ds = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() * 2).ToArray();
        var grid = Enumerable.Range(0, 60).Select(i => i - 30.0).ToArray();
        var field = grid.Select(gy => (IReadOnlyList<double>)grid.Select(gx => Math.Sin(gx / 5) * Math.Cos(gy / 7)).ToArray()).ToArray();
        var trace = new Polyline("fault", [-10, 10], [0, 5], "black");
        var leaf = x.Select(_ => 1.5).ToArray();
        return new Report("All standard figures")
            .Add(StandardFigures.PointMap("points", "LOS", x, y, d, "LOS", "cm", outlines: [StandardFigures.LeafOutlines(x, y, leaf), trace]))
            .Add(StandardFigures.LeafMap("leaves", "LOS leaves", x, y, leaf, d, "LOS", "cm", outlines: [trace]))
            .Add(StandardFigures.SlipPatches3D("slip3d", "slip in 3-D", Enumerable.Range(0, 200).Select(p => new[] { (p % 20 * 1.0, 0.0, -(p / 20) * 1.0), (p % 20 + 1.0, 0.0, -(p / 20) * 1.0), (p % 20 + 1.0, 0.0, -(p / 20) - 1.0), (p % 20 * 1.0, 0.0, -(p / 20) - 1.0) }).ToArray(), ds[..200]))
            .Add(StandardFigures.Triptych("triptych", "data / model / residual", x, y, d, m, "LOS", "cm", outlines: [trace], size: leaf))
            .Add(StandardFigures.SlipPatches("slip", "slip", 50, 20, 1, 1, ss, ds, new PlaneView(120, 40, 0.5)))
            .Add(StandardFigures.FieldMap("depth", "ΔCFS at 10 km", grid, grid, field, "ΔCFS", "bar", ("east", "km"), ("north", "km"), outlines: [trace], limit: 0.5))
            .Add(StandardFigures.FieldMap("section", "ΔCFS section", grid, grid.Select(v => v + 30).ToArray(), field, "ΔCFS", "bar", ("distance", "km"), ("depth", "km"), depthDown: true))
            .Add(StandardFigures.Profile("profile", "profile", grid, grid.Select(Math.Sin).ToArray(), grid.Select(_ => 0.2).ToArray(), ("distance", "km"), ("velocity", "mm/yr"), ("model", grid, grid.Select(Math.Sin).ToArray())))
            .Add(StandardFigures.Histogram("hist", "dip", ds, "dip", "deg"))
            .Add(StandardFigures.HistogramGrid("grid", "marginals", [new("a", "m", ss) { Best = 0 }, new("b", "m", ds) { Best = 1, Published = 1.1 }, new("c", "m", ss)]))
            .Add(StandardFigures.Lines("lines", "two curves", ("distance", "km"), ("velocity", "mm/yr"), ("sin", grid, grid.Select(Math.Sin).ToArray()), ("cos", grid, grid.Select(Math.Cos).ToArray())))
            .Add(StandardFigures.Corner("corner", "trade-offs", [new("a", "m", ss) { Best = 0 }, new("b", "m", ds) { Best = 1 }]))
            .Add(StandardFigures.Convergence("conv", "convergence", "RMS", "cm", ("PSO", ds[..100]), ("SA", ss[..100])))
            .Add(StandardFigures.LCurve("lcurve", "L-curve", [1, 2, 4, 8], [9, 4, 3, 2.5], [1000, 100, 10, 1], 2, ("roughness", "m/km²"), ("misfit", "cm"), logLog: true));
    }

    [ChromiumFact]
    public void A_report_of_every_standard_figure_with_2000_leaves_and_1000_patches_renders_and_stays_small()
    {
        var report = AllFigures();
        var path = Path.Combine(Dir, "all.html");
        report.Save(path);
        Assert.True(new FileInfo(path).Length < 10_000_000, $"report is {new FileInfo(path).Length} bytes");
        var (dom, console, elapsed) = HeadlessChromium.Render(path, Path.Combine(Dir, "all.png"));
        Assert.True(console.Count == 0, "console: " + string.Join("\n", console));   // no console message at all (errors included)
        HeadlessChromium.AssertEveryFigureDrawn(dom, report.Figures.Select(f => f.Id));
        Assert.True(new FileInfo(Path.Combine(Dir, "all.png")).Length > 50_000, "a screenshot with content");
        File.Copy(Path.Combine(Dir, "all.png"), Path.Combine(AppContext.BaseDirectory, "all-standard-figures.png"), overwrite: true);
        Console.WriteLine($"render time {elapsed.TotalSeconds:F1} s (recorded in bench/RESULTS.md, not asserted)");
    }
}
