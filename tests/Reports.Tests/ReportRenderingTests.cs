using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Reports.Tests;

/// <summary>Generated reports open in a real browser: no console errors, every figure rendered, a screenshot beside it.</summary>
public sealed class ReportRenderingTests : IDisposable
{
    private readonly TempFiles _tmp = new();

    private string Dir => _tmp.Root;

    public void Dispose() => _tmp.Dispose();

    private static Report Sample()
    {
        var x = Enumerable.Range(0, 50).Select(i => i * 2.0 - 50).ToArray();
        var z = x.Select(yy => (IReadOnlyList<double>)x.Select(xx => Math.Exp(-(xx * xx + yy * yy) / 400)).ToArray()).ToArray();
        return new Report("Test report")
            .Metadata("command", "sourcemodel test")
            .Section("A map").Paragraph("Uplift of a Gaussian bump.")
            .Add(StandardFigures.FieldMap("map", "uz", x, x, z, "uz", "m", ("east", "km"), ("north", "km"), diverging: false))
            .Section("A profile")
            .Add(StandardFigures.Profile("profile", "profile", x, x.Select(v => Math.Sin(v / 10)).ToArray(), x.Select(_ => 0.1).ToArray(), ("distance", "km"), ("LOS", "cm")))
            .Table(["quantity", "value"], [["Mw", "6.69"], ["RMS (cm)", "1.2"]]);
    }

    [Fact]
    public void A_saved_report_inlines_plotly_and_writes_a_sidecar_per_figure()
    {
        const string plotly = "window.Plotly={newPlot:function(){}}; /* stand-in */";
        var path = Path.Combine(Dir, "r.html");
        Sample().Save(path, plotly);
        var html = File.ReadAllText(path);
        Assert.Contains("window.Plotly={newPlot", html);
        Assert.DoesNotContain("src=\"http", html);                         // nothing fetched at view time
        Assert.Contains("<div class=\"figure\" id=\"map\"></div>", html);
        Assert.True(File.Exists(Path.Combine(Dir, "r_files", "map.json")));
        Assert.True(File.Exists(Path.Combine(Dir, "r_files", "profile.json")));
        Assert.Contains("<td>6.69</td>", html);
        Assert.Throws<ArgumentException>(() => Sample().Add(Figure.Of("map", Plot.Layout("again"), [])));
    }

    [Fact]
    public void A_saved_report_can_be_loaded_and_included_as_one_section_of_another()
    {
        const string plotly = "window.Plotly={newPlot:function(){}};";
        var part = Path.Combine(Dir, "part.html");
        Sample().Save(part, plotly);
        var loaded = Report.Load(part);
        Assert.Equal("Test report", loaded.Title);

        var whole = new Report("Pipeline").Section("Steps").Paragraph("two parts")
            .Include(loaded, "one-").Include(Report.Load(part), "two-");
        var path = Path.Combine(Dir, "whole.html");
        whole.Save(path, plotly);
        var html = File.ReadAllText(path);
        // The part's title becomes a section, its sections go one level down, its metadata a table, and its figures
        // keep their JSON under prefixed ids (so two copies do not collide).
        Assert.Contains("<h2>Test report</h2>", html);
        Assert.Contains("<h3>A map</h3>", html);
        Assert.Contains("<td>sourcemodel test</td>", html);
        foreach (var id in new[] { "one-map", "one-profile", "two-map", "two-profile" })
        {
            Assert.Contains($"<div class=\"figure\" id=\"{id}\"></div>", html);
            Assert.True(File.Exists(Path.Combine(Dir, "whole_files", id + ".json")), id);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(Dir, "part_files", "map.json")), File.ReadAllText(Path.Combine(Dir, "whole_files", "one-map.json")));
        Assert.Throws<ArgumentException>(() => whole.Include(loaded, "one-"));
        Assert.Throws<FileNotFoundException>(() => Report.Load(Path.Combine(Dir, "never-saved.html")));
    }

    [Fact]
    public void By_default_the_report_inlines_plotly_js_from_the_plotly_net_package_and_fetches_nothing()
    {
        var path = Path.Combine(Dir, "offline.html");
        Sample().Save(path);
        var html = File.ReadAllText(path);
        Assert.Contains($"plotly.js v{PlotlyScript.Version}", html);
        Assert.Contains("figures by Plotly.NET", html);
        Assert.DoesNotContain("<script src=", html);                       // nothing fetched at view time
        Assert.DoesNotContain("src=\"http", html);
    }

    [ChromiumFact]
    public void The_report_renders_in_headless_chromium_without_console_errors()
    {
        var path = Path.Combine(Dir, "report.html");
        Sample().Save(path);
        var screenshot = Path.Combine(Dir, "report.png");
        var (dom, console, _) = HeadlessChromium.Render(path, screenshot);
        Assert.True(console.Count == 0, "console: " + string.Join("\n", console));   // no console message at all (errors included)
        HeadlessChromium.AssertEveryFigureDrawn(dom, ["map", "profile"]);   // plotly drew into each
        Assert.True(new FileInfo(screenshot).Length > 10_000, "a screenshot PNG is written next to the report");
        var keep = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        File.Copy(screenshot, keep, overwrite: true);                     // left beside the test binaries for inspection
    }

    [ChromiumFact]
    public void The_console_check_sees_errors_on_a_broken_page()
    {
        // Negative control: the harness must report console errors and uncaught exceptions, or the tests above prove nothing.
        var path = Path.Combine(Dir, "broken.html");
        File.WriteAllText(path, "<html><body><script>console.error('boom'); notAFunction();</script></body></html>");
        var (_, console, _) = HeadlessChromium.Render(path, Path.Combine(Dir, "broken.png"));
        Assert.Contains(console, l => l.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(console, l => l.Contains("Uncaught ReferenceError", StringComparison.Ordinal));
    }
}
