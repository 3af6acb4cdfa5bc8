using System.Text.Json.Serialization;

namespace SourceModel.Reports.Figures;

/// <summary>A plotly trace. Property names are plotly's own attribute names.</summary>
public abstract record Trace
{
    /// <summary>plotly trace type.</summary>
    [JsonPropertyName("type")] public abstract string Type { get; }

    /// <summary>Legend name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
}

/// <summary>Colour bar of a continuous colour scale.</summary>
/// <param name="Title">Quantity and unit, e.g. "LOS (cm)".</param>
public sealed record ColorBar([property: JsonPropertyName("title")] ColorBarTitle Title);

/// <summary>Colour bar title text.</summary>
/// <param name="Text">The text.</param>
public sealed record ColorBarTitle([property: JsonPropertyName("text")] string Text);

/// <summary>Marker of a scatter trace: a fixed colour or values on a colour scale.</summary>
public sealed record Marker
{
    /// <summary>Values mapped to colour (or null for one colour).</summary>
    [JsonPropertyName("color")] public object? Color { get; init; }
    /// <summary>Marker size, px.</summary>
    [JsonPropertyName("size")] public double? Size { get; init; }
    /// <summary>plotly colour scale name (e.g. RdBu, Viridis).</summary>
    [JsonPropertyName("colorscale")] public string? ColorScale { get; init; }
    /// <summary>Lower end of the colour scale.</summary>
    [JsonPropertyName("cmin")] public double? CMin { get; init; }
    /// <summary>Upper end of the colour scale.</summary>
    [JsonPropertyName("cmax")] public double? CMax { get; init; }
    /// <summary>Reverse the colour scale.</summary>
    [JsonPropertyName("reversescale")] public bool? ReverseScale { get; init; }
    /// <summary>Colour bar (null: none).</summary>
    [JsonPropertyName("colorbar")] public ColorBar? ColorBar { get; init; }
    /// <summary>Whether to show the colour bar.</summary>
    [JsonPropertyName("showscale")] public bool? ShowScale { get; init; }
}

/// <summary>Points or lines (plotly <c>scatter</c>, or <c>scattergl</c> for many points).</summary>
/// <param name="X">x values.</param>
/// <param name="Y">y values.</param>
public sealed record ScatterTrace([property: JsonPropertyName("x")] IReadOnlyList<double> X, [property: JsonPropertyName("y")] IReadOnlyList<double> Y) : Trace
{
    /// <inheritdoc />
    public override string Type => X.Count > 20000 ? "scattergl" : "scatter";
    /// <summary>markers, lines or lines+markers.</summary>
    [JsonPropertyName("mode")] public string Mode { get; init; } = "markers";
    /// <summary>Marker style.</summary>
    [JsonPropertyName("marker")] public Marker? Marker { get; init; }
    /// <summary>Symmetric error bars on y.</summary>
    [JsonPropertyName("error_y")] public ErrorBars? ErrorY { get; init; }
    /// <summary>Axis pair for subplots ("x2", "y2").</summary>
    [JsonPropertyName("xaxis")] public string? XAxis { get; init; }
    /// <summary>Axis pair for subplots.</summary>
    [JsonPropertyName("yaxis")] public string? YAxis { get; init; }
    /// <summary>Line style (colour, width).</summary>
    [JsonPropertyName("line")] public LineStyle? Line { get; init; }
    /// <summary>Show in the legend.</summary>
    [JsonPropertyName("showlegend")] public bool? ShowLegend { get; init; }
    /// <summary>Hover text per point.</summary>
    [JsonPropertyName("text")] public IReadOnlyList<string>? Text { get; init; }
}

/// <summary>Line colour and width.</summary>
/// <param name="Color">CSS colour.</param>
/// <param name="Width">px.</param>
public sealed record LineStyle([property: JsonPropertyName("color")] string Color, [property: JsonPropertyName("width")] double Width = 1.5);

/// <summary>A histogram of values (plotly <c>histogram</c>).</summary>
/// <param name="X">Values.</param>
public sealed record HistogramTrace([property: JsonPropertyName("x")] IReadOnlyList<double> X) : Trace
{
    /// <inheritdoc />
    public override string Type => "histogram";
    /// <summary>Number of bins (plotly's nbinsx).</summary>
    [JsonPropertyName("nbinsx")] public int? Bins { get; init; }
    /// <summary>Axis pair for subplots.</summary>
    [JsonPropertyName("xaxis")] public string? XAxis { get; init; }
    /// <summary>Axis pair for subplots.</summary>
    [JsonPropertyName("yaxis")] public string? YAxis { get; init; }
}

/// <summary>A triangulated surface in 3-D (plotly <c>mesh3d</c>) coloured by a value per vertex.</summary>
/// <param name="X">Vertex x.</param>
/// <param name="Y">Vertex y.</param>
/// <param name="Z">Vertex z.</param>
/// <param name="I">First vertex of each triangle.</param>
/// <param name="J">Second vertex.</param>
/// <param name="K">Third vertex.</param>
public sealed record Mesh3dTrace([property: JsonPropertyName("x")] IReadOnlyList<double> X, [property: JsonPropertyName("y")] IReadOnlyList<double> Y,
    [property: JsonPropertyName("z")] IReadOnlyList<double> Z, [property: JsonPropertyName("i")] IReadOnlyList<int> I,
    [property: JsonPropertyName("j")] IReadOnlyList<int> J, [property: JsonPropertyName("k")] IReadOnlyList<int> K) : Trace
{
    /// <inheritdoc />
    public override string Type => "mesh3d";
    /// <summary>Value per triangle (face colouring).</summary>
    [JsonPropertyName("intensity")] public IReadOnlyList<double>? Intensity { get; init; }
    /// <summary>"cell" to colour triangles by <see cref="Intensity"/>.</summary>
    [JsonPropertyName("intensitymode")] public string? IntensityMode { get; init; }
    /// <summary>Colour scale name.</summary>
    [JsonPropertyName("colorscale")] public string? ColorScale { get; init; }
    /// <summary>Lower end of the colour scale (null: the data's minimum).</summary>
    [JsonPropertyName("cmin")] public double? CMin { get; init; }
    /// <summary>Upper end of the colour scale (null: the data's maximum).</summary>
    [JsonPropertyName("cmax")] public double? CMax { get; init; }
    /// <summary>Colour bar.</summary>
    [JsonPropertyName("colorbar")] public ColorBar? ColorBar { get; init; }
}

/// <summary>Error bars.</summary>
/// <param name="Array">Half-width per point.</param>
public sealed record ErrorBars([property: JsonPropertyName("array")] IReadOnlyList<double> Array)
{
    /// <summary>Always "data".</summary>
    [JsonPropertyName("type")] public string Type => "data";
    /// <summary>Shown.</summary>
    [JsonPropertyName("visible")] public bool Visible => true;
}

/// <summary>A regular grid of values (plotly <c>heatmap</c>); <see cref="Z"/> row by row (y outer).</summary>
/// <param name="X">Column coordinates.</param>
/// <param name="Y">Row coordinates.</param>
/// <param name="Z">Values [row][column]; NaN = gap.</param>
public sealed record HeatmapTrace([property: JsonPropertyName("x")] IReadOnlyList<double> X, [property: JsonPropertyName("y")] IReadOnlyList<double> Y,
    [property: JsonPropertyName("z")] IReadOnlyList<IReadOnlyList<double>> Z) : Trace
{
    /// <inheritdoc />
    public override string Type => "heatmap";
    /// <summary>Colour scale name.</summary>
    [JsonPropertyName("colorscale")] public string? ColorScale { get; init; }
    /// <summary>Lower end.</summary>
    [JsonPropertyName("zmin")] public double? ZMin { get; init; }
    /// <summary>Upper end.</summary>
    [JsonPropertyName("zmax")] public double? ZMax { get; init; }
    /// <summary>Reverse the scale.</summary>
    [JsonPropertyName("reversescale")] public bool? ReverseScale { get; init; }
    /// <summary>Colour bar.</summary>
    [JsonPropertyName("colorbar")] public ColorBar? ColorBar { get; init; }
    /// <summary>Axis pair for subplots.</summary>
    [JsonPropertyName("xaxis")] public string? XAxis { get; init; }
    /// <summary>Axis pair for subplots.</summary>
    [JsonPropertyName("yaxis")] public string? YAxis { get; init; }
}
