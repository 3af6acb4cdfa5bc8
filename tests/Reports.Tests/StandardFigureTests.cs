using System.Text.Json;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Reports.Tests;

/// <summary>The standard figures: units on every axis, shared colour scales where colours are compared, and a report of
/// all of them (with a 2,000-point triptych and a 1,000-patch slip figure) renders in Chromium.</summary>
public sealed class StandardFigureTests : IDisposable
{
    private readonly TempFiles _tmp = new();

    private string Dir => _tmp.Root;

    public void Dispose() => _tmp.Dispose();

    private static JsonElement Json(Figure f) => JsonDocument.Parse(f.ToJson()).RootElement;

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
        var data = j.GetProperty("data");
        double cmax = data[0].GetProperty("marker").GetProperty("cmax").GetDouble();
        Assert.Equal(StandardFigures.SymmetricLimit(d.Concat(m)), cmax);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(cmax, data[k].GetProperty("marker").GetProperty("cmax").GetDouble());
            Assert.Equal(-cmax, data[k].GetProperty("marker").GetProperty("cmin").GetDouble());
        }
        Assert.Equal("LOS (cm)", data[2].GetProperty("marker").GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        var layout = j.GetProperty("layout");
        foreach (var axis in new[] { "xaxis", "yaxis", "xaxis2", "yaxis2", "xaxis3", "yaxis3" })
            Assert.EndsWith("(km)", layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("x3", layout.GetProperty("yaxis3").GetProperty("scaleanchor").GetString());
    }

    [Fact]
    public void Slip_patches_show_magnitude_and_rake_arrows_with_depth_downward()
    {
        var j = Json(StandardFigures.SlipPatches("s", "slip", 3, 2, 2, 2, [1, 0, -1, 0, 0, 0], [0, 1, 1, 0, 0, 0]));
        var heat = j.GetProperty("data")[0];
        Assert.Equal(1.0, heat.GetProperty("z")[0][0].GetDouble());
        Assert.Equal(Math.Sqrt(2), heat.GetProperty("z")[0][2].GetDouble(), 12);
        var arrows = j.GetProperty("data")[1].GetProperty("x");
        Assert.Equal(3 * 3, arrows.GetArrayLength());                       // three slipping patches, 3 vertices each (with a gap)
        Assert.Equal("reversed", j.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("slip (m)", heat.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Corner_plot_has_a_histogram_diagonal_and_labelled_outer_axes()
    {
        var rng = new Random(2);
        var a = Enumerable.Range(0, 300).Select(_ => rng.NextDouble()).ToArray();
        var b = a.Select(v => 2 * v + rng.NextDouble() * 0.1).ToArray();
        var c = a.Select(_ => rng.NextDouble()).ToArray();
        var j = Json(StandardFigures.Corner("c", "trade-offs", [("dip", "deg", a), ("depth", "km", b), ("slip", "m", c)]));
        var data = j.GetProperty("data");
        Assert.Equal(6, data.GetArrayLength());                               // 3 histograms + 3 pairs
        Assert.Equal(3, data.EnumerateArray().Count(t => t.GetProperty("type").GetString() == "histogram"));
        var layout = j.GetProperty("layout");
        Assert.Equal("slip (m)", layout.GetProperty("xaxis9").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("depth (km)", layout.GetProperty("yaxis4").GetProperty("title").GetProperty("text").GetString());
        // At most 100 points per scatter panel: every 3rd of 300 samples (0, 3, …, 297); the histograms keep all 300.
        var thinned = Json(StandardFigures.Corner("c", "trade-offs", [("dip", "deg", a), ("depth", "km", b)], maxScatterPoints: 100)).GetProperty("data");
        var scatter = thinned.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "scatter");
        Assert.Equal(100, scatter.GetProperty("x").GetArrayLength());
        Assert.Equal(a[297], scatter.GetProperty("x")[99].GetDouble());
        Assert.Equal(b[3], scatter.GetProperty("y")[1].GetDouble());
        Assert.Equal(300, thinned[0].GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void L_curve_marks_the_chosen_weight_and_cross_sections_put_depth_down()
    {
        var l = Json(StandardFigures.LCurve("l", "L", [1, 2, 4], [9, 3, 2], [100, 10, 1], 1, ("roughness", "m/km²"), ("misfit", "cm")));
        Assert.Equal(2, l.GetProperty("data")[1].GetProperty("x")[0].GetDouble());
        Assert.Contains("weight 10", l.GetProperty("data")[1].GetProperty("name").GetString());
        var note = l.GetProperty("layout").GetProperty("annotations")[0];
        Assert.Equal((2.0, 3.0, "weight 10"), (note.GetProperty("x").GetDouble(), note.GetProperty("y").GetDouble(), note.GetProperty("text").GetString()));
        var s = Json(StandardFigures.FieldMap("x", "ΔCFS", [0, 1], [0, 5], [[1, -1], [0.5, double.NaN]], "ΔCFS", "bar", ("distance", "km"), ("depth", "km"), depthDown: true));
        Assert.Equal("reversed", s.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal(1, s.GetProperty("data")[0].GetProperty("zmax").GetDouble());
        Assert.Throws<ArgumentException>(() => StandardFigures.LCurve("l", "L", [1], [1], [1], 3, ("r", "u"), ("m", "u")));
    }

    [Fact]
    public void Quadtree_leaves_are_outlined_as_squares_and_patches_become_a_3d_mesh_coloured_by_slip()
    {
        var leaves = StandardFigures.LeafOutlines([0, 10], [0, 0], [2, 4]);
        Assert.Equal(12, leaves.X.Count);                                     // 5 vertices + a gap per leaf
        Assert.Equal((-1.0, 1.0), (leaves.X[0], leaves.X[1]));
        Assert.Equal((8.0, 12.0), (leaves.X[6], leaves.X[7]));
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

    [ChromiumFact]
    public void A_report_of_every_standard_figure_with_2000_points_and_1000_patches_renders_and_stays_small()
    {
        var (x, y, d, m) = Points(2000);
        var rng = new Random(5);
        var ss = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var ds = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() * 2).ToArray();
        var grid = Enumerable.Range(0, 60).Select(i => i - 30.0).ToArray();
        var field = grid.Select(gy => (IReadOnlyList<double>)grid.Select(gx => Math.Sin(gx / 5) * Math.Cos(gy / 7)).ToArray()).ToArray();
        var trace = new Polyline("fault", [-10, 10], [0, 5], "black");
        var report = new Report("All standard figures")
            .Add(StandardFigures.PointMap("points", "LOS", x, y, d, "LOS", "cm", outlines: [StandardFigures.LeafOutlines(x, y, x.Select(_ => 1.5).ToArray()), trace]))
            .Add(StandardFigures.SlipPatches3D("slip3d", "slip in 3-D", Enumerable.Range(0, 200).Select(p => new[] { (p % 20 * 1.0, 0.0, -(p / 20) * 1.0), (p % 20 + 1.0, 0.0, -(p / 20) * 1.0), (p % 20 + 1.0, 0.0, -(p / 20) - 1.0), (p % 20 * 1.0, 0.0, -(p / 20) - 1.0) }).ToArray(), ds[..200]))
            .Add(StandardFigures.Triptych("triptych", "data / model / residual", x, y, d, m, "LOS", "cm", outlines: [trace]))
            .Add(StandardFigures.SlipPatches("slip", "slip", 50, 20, 1, 1, ss, ds))
            .Add(StandardFigures.FieldMap("depth", "ΔCFS at 10 km", grid, grid, field, "ΔCFS", "bar", ("east", "km"), ("north", "km"), outlines: [trace]))
            .Add(StandardFigures.FieldMap("section", "ΔCFS section", grid, grid.Select(v => v + 30).ToArray(), field, "ΔCFS", "bar", ("distance", "km"), ("depth", "km"), depthDown: true))
            .Add(StandardFigures.Profile("profile", "profile", grid, grid.Select(Math.Sin).ToArray(), grid.Select(_ => 0.2).ToArray(), ("distance", "km"), ("velocity", "mm/yr"), ("model", grid, grid.Select(Math.Sin).ToArray())))
            .Add(StandardFigures.Histogram("hist", "dip", ds, "dip", "deg"))
            .Add(StandardFigures.Lines("lines", "two curves", ("distance", "km"), ("velocity", "mm/yr"), ("sin", grid, grid.Select(Math.Sin).ToArray()), ("cos", grid, grid.Select(Math.Cos).ToArray())))
            .Add(StandardFigures.Corner("corner", "trade-offs", [("a", "m", ss), ("b", "m", ds)]))
            .Add(StandardFigures.Convergence("conv", "convergence", "RMS", "cm", ("PSO", ds[..100]), ("SA", ss[..100])))
            .Add(StandardFigures.LCurve("lcurve", "L-curve", [1, 2, 4, 8], [9, 4, 3, 2.5], [1000, 100, 10, 1], 2, ("roughness", "m/km²"), ("misfit", "cm")));
        var path = Path.Combine(Dir, "all.html");
        report.Save(path);
        Assert.True(new FileInfo(path).Length < 10_000_000, $"report is {new FileInfo(path).Length} bytes");
        var (dom, console, elapsed) = HeadlessChromium.Render(path, Path.Combine(Dir, "all.png"));
        Assert.True(console.Count == 0, "console: " + string.Join("\n", console));   // no console message at all (errors included)
        foreach (var f in report.Figures)
        {
            int at = dom.IndexOf($"id=\"{f.Id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, $"figure div {f.Id} missing from the rendered page");
            int next = dom.IndexOf("class=\"figure", at + 1, StringComparison.Ordinal);
            Assert.Contains("main-svg", next < 0 ? dom[at..] : dom[at..next]);
        }
        File.Copy(Path.Combine(Dir, "all.png"), Path.Combine(AppContext.BaseDirectory, "all-standard-figures.png"), overwrite: true);
        Console.WriteLine($"render time {elapsed.TotalSeconds:F1} s (recorded in bench/RESULTS.md, not asserted)");
    }
}
