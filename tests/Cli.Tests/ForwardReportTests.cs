namespace SourceModel.Cli.Tests;

/// <summary>`sourcemodel forward --html [--png]`: the displacement report, rendered for real.</summary>
public sealed class ForwardReportTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [ReportToolsFact]
    public void Forward_html_report_with_png_needs_plotly_and_chromium()
    {
        var html = _cli.PathOf("forward.html");
        var png = _cli.PathOf("forward.png");
        var (code, output, err) = _cli.Run("forward", "--example", "--out", _cli.PathOf("f.csv"), "--html", html, "--png", png);
        Assert.True(code == 0, err);
        var text = File.ReadAllText(html);
        foreach (var id in new[] { "east", "north", "up", "los" }) Assert.Contains($"id=\"{id}\"", text);
        Assert.Contains("vertical (cm)", text);                                // colour bar with unit
        Assert.Contains("fault 1", text);                                      // the outline is drawn
        Assert.Contains("sourcemodel forward --example", text);                // run metadata: the command
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "forward_files", "los.json")));
        Assert.True(new FileInfo(png).Length > 20_000);
        Assert.Contains("wrote", output);
    }

    [Fact]
    public void Png_without_html_is_a_usage_error()
    {
        var (code, _, err) = _cli.Run("forward", "--example", "--out", _cli.PathOf("f.csv"), "--png", _cli.PathOf("f.png"));
        Assert.Equal(1, code);
        Assert.Contains("--png goes with --html", err);
    }
}

/// <summary>Skips, with the reason, when plotly.js (npm install) or Chromium is missing.</summary>
public sealed class ReportToolsFactAttribute : FactAttribute
{
    public ReportToolsFactAttribute()
    {
        if (Reports.Html.PlotlyAsset.Find() is null) Skip = "Needs plotly.js: run 'npm install' in the repository folder (.ci/run does).";
        else if (Reports.Html.PngExport.Chromium is null) Skip = "Needs Debian's chromium for --png (.ci/run installs it).";
    }
}
