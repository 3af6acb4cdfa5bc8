using System.Text.Json;
using SourceModel.Reports.Figures;

namespace SourceModel.Reports.Tests;

/// <summary>The figure model serialises to the plotly attributes it names (snapshot-style checks on the JSON).</summary>
public sealed class FigureJsonTests
{
    private static Figure Map() => new("los-map",
        [
            new ScatterTrace([0, 1, 2], [0, 1, double.NaN])
            {
                Name = "LOS",
                Marker = new Marker { Color = new[] { 1.0, -2.0, 0.5 }, ColorScale = "RdBu", CMin = -2, CMax = 2, ColorBar = new ColorBar(new ColorBarTitle("LOS (cm)")) },
            },
            new HeatmapTrace([0, 1], [0, 1], [[1, 2], [3, double.NaN]]) { ColorScale = "Viridis", ColorBar = new ColorBar(new ColorBarTitle("uz (m)")), XAxis = "x2", YAxis = "y2" },
        ],
        new Layout(new FigureTitle("Data"))
        {
            XAxis = Axis.Titled("east", "km"),
            YAxis = Axis.Titled("north", "km") with { ScaleAnchor = "x" },
        });

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
        Assert.Equal("x", layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.False(layout.TryGetProperty("xaxis2", out _));                        // unset attributes are omitted
    }

    [Fact]
    public void Many_points_use_webgl_and_bad_ids_are_refused()
    {
        var many = Enumerable.Range(0, 25000).Select(i => (double)i).ToArray();
        using var doc = JsonDocument.Parse(new Figure("big", [new ScatterTrace(many, many)], new Layout(new FigureTitle("t"))).ToJson());
        Assert.Equal("scattergl", doc.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Throws<ArgumentException>(() => new Figure("bad id", [], new Layout(new FigureTitle("t"))).ToJson());
    }
}
