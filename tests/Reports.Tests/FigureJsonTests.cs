using System.Text.Json;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Reports.Tests;

/// <summary>Figures are Plotly.NET charts; their JSON (Plotly.NET's serialiser) carries plotly's own attribute names.</summary>
public sealed class FigureJsonTests
{
    private static Figure Map() => Figure.Of("los-map",
        Plot.Layout("Data").With("xaxis", Plot.Axis("east", "km")).With("yaxis", Plot.Axis("north", "km").With("scaleanchor", "x")),
        [
            Plot.Trace("scatter").With("name", "LOS").With("mode", "markers").With("x", new[] { 0.0, 1, 2 }).With("y", Plot.Gaps([0, 1, double.NaN]))
                .With("marker", Plot.Object().With("color", new[] { 1.0, -2.0, 0.5 }).With("cmin", -2).With("cmax", 2).With("colorbar", Plot.ColourBar("LOS", "cm"))),
            Plot.Trace("heatmap").With("x", new[] { 0.0, 1 }).With("y", new[] { 0.0, 1 }).With("z", new[] { Plot.Gaps([1, 2]), Plot.Gaps([3, double.NaN]) })
                .With("xaxis", "x2").With("yaxis", "y2"),
        ]);

    [Fact]
    public void Traces_layout_axis_titles_with_units_and_colour_bars_are_plotly_attributes()
    {
        using var doc = JsonDocument.Parse(Map().ToJson());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("scatter", data[0].GetProperty("type").GetString());
        Assert.Equal("markers", data[0].GetProperty("mode").GetString());
        Assert.Equal("LOS (cm)", data[0].GetProperty("marker").GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(-2, data[0].GetProperty("marker").GetProperty("cmin").GetDouble());
        Assert.Equal(JsonValueKind.Null, data[0].GetProperty("y")[2].ValueKind);      // NaN → null, a gap in plotly
        Assert.Equal("heatmap", data[1].GetProperty("type").GetString());
        Assert.Equal("x2", data[1].GetProperty("xaxis").GetString());
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("z")[1][1].ValueKind);
        var layout = doc.RootElement.GetProperty("layout");
        Assert.Equal("east (km)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.False(layout.GetProperty("xaxis").GetProperty("zeroline").GetBoolean());   // no zero line across a map
        Assert.Equal("x", layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.False(layout.TryGetProperty("xaxis2", out _));                        // unset attributes are omitted
        // Without Plotly.NET's defaults: no fixed 600 px size, no bulky template (the page and plotly.js decide).
        Assert.False(layout.TryGetProperty("width", out _));
        Assert.False(layout.TryGetProperty("template", out _));
    }

    [Fact]
    public void Bad_ids_are_refused_and_the_inlined_plotly_is_the_one_inside_plotly_net()
    {
        Assert.Throws<ArgumentException>(() => Figure.Of("bad id", Plot.Layout("t"), []).ToJson());
        Assert.Matches(@"^\d+\.\d+\.\d+$", PlotlyScript.Version);
        Assert.Contains($"plotly.js v{PlotlyScript.Version}", PlotlyScript.Source[..2000]);   // the bundle's own banner
        Assert.True(PlotlyScript.Source.Length > 1_000_000, "the full minified plotly.js");
    }

    [Fact]
    public void The_diverging_scale_is_white_at_zero_and_its_computed_colours_match_the_stops()
    {
        Assert.Equal("rgb(247,247,247)", ColourScales.DivergingAt(0.5));
        Assert.Equal("rgb(5,48,97)", ColourScales.DivergingAt(0));
        Assert.Equal("rgb(103,0,31)", ColourScales.DivergingAt(1));
        // Halfway between #f7f7f7 and #fddbc7 (0.5 and 0.6): the RGB mean.
        Assert.Equal("rgb(250,233,223)", ColourScales.DivergingAt(0.55));
        Assert.Equal(3.0, ColourScales.SymmetricLimit([1, -3, double.NaN]));
        // The 98th percentile of |1 … 100| (linear between ranks): 98.02 — the near-source outlier of 1e6 does not set it.
        Assert.Equal(98.02, ColourScales.RobustLimit(Enumerable.Range(1, 100).Select(i => (double)i)), 10);
        Assert.InRange(ColourScales.RobustLimit(Enumerable.Range(1, 1000).Select(i => i == 500 ? 1e6 : 1.0)), 1, 1.0001);
    }
}
