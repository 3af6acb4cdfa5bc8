namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel forward --html [--png]`: the displacement report, rendered for real.</summary>
public sealed class ForwardReportTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [ChromiumFact]
    public void Forward_html_report_with_png_renders_the_maps_with_vectors_and_the_top_edge()
    {
        var html = _cli.PathOf("forward.html");
        var png = _cli.PathOf("forward.png");
        var (code, output, err) = _cli.Run("forward", "--example", "--out", _cli.PathOf("f.csv"), "--html", html, "--png", png);
        Assert.True(code == 0, err);
        var text = File.ReadAllText(html);
        foreach (var id in new[] { "east", "north", "up", "los" }) Assert.Contains($"id=\"{id}\"", text);
        Assert.Contains("vertical (cm)", text);                                // colour bar with unit
        Assert.Contains("fault 1", text);                                      // the outline is drawn
        Assert.Contains("top edge 1", text);                                   // and its top edge (buried: dashed)
        Assert.Contains("horizontal displacement", text);                      // arrows on the vertical map
        Assert.Contains("sourcemodel forward --example", text);                // run metadata: the command
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "forward_files", "los.json")));
        Assert.True(new FileInfo(png).Length > 20_000);
        Assert.Contains("wrote", output);
        var (dom, console, _) = Reports.Tests.HeadlessChromium.Render(html, _cli.PathOf("forward-check.png"));
        Assert.True(console.Count == 0, string.Join("\n", console));
        Reports.Tests.HeadlessChromium.AssertEveryFigureDrawn(dom, ["east", "north", "up", "los"]);
    }

    [Fact]
    public async Task Html_alone_needs_no_out_and_a_png_without_a_browser_is_skipped_with_the_reason()
    {
        var html = _cli.PathOf("only.html");
        var (code, output, err) = _cli.Run("forward", "--example", "--html", html);
        Assert.True(code == 0, err);
        Assert.True(File.Exists(html));
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.csv"));
        Assert.DoesNotContain("point(s) written", output);

        // A machine without a browser, as its own process (the variable is not changed under the other tests' feet).
        var png = _cli.PathOf("no-browser.png");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "sourcemodel.dll"), "forward", "--example", "--html", _cli.PathOf("nb.html"), "--png", png])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["SOURCEMODEL_CHROMIUM"] = "none";
        using var p = System.Diagnostics.Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        string log = await stdout, errors = await stderr;
        Assert.True(p.ExitCode == 0, errors);
        Assert.True(File.Exists(_cli.PathOf("nb.html")));
        Assert.False(File.Exists(png));
        Assert.Contains("skipped", log);
        Assert.Contains("Chromium", log);
    }

    [Fact]
    public void Png_without_html_and_neither_output_are_usage_errors()
    {
        var (code, _, err) = _cli.Run("forward", "--example", "--out", _cli.PathOf("f.csv"), "--png", _cli.PathOf("f.png"));
        Assert.Equal(1, code);
        Assert.Contains("--png goes with --html", err);
        (code, _, err) = _cli.Run("forward", "--example");
        Assert.Equal(1, code);
        Assert.Contains("give --out FILE.csv, --html FILE.html, or both", err);
    }
}

/// <summary>Skips, with the reason, when headless Chromium is missing (plotly.js comes inside Plotly.NET).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Reports.Html.PngExport.Chromium is null) Skip = "Needs Debian's chromium for rendering and --png (.ci/run installs it).";
    }
}
