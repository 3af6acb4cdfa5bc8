using System.Text.Json.Serialization;

namespace SourceModel.Reports.Figures;

/// <summary>An axis: title with its unit, and for maps a 1:1 aspect anchored to another axis.</summary>
/// <param name="Title">Axis title, e.g. "east (km)".</param>
public sealed record Axis([property: JsonPropertyName("title")] AxisTitle Title)
{
    /// <summary>Keep 1:1 scale with this axis ("x"): for maps.</summary>
    [JsonPropertyName("scaleanchor")] public string? ScaleAnchor { get; init; }
    /// <summary>Fraction of the width/height this axis spans, for subplots.</summary>
    [JsonPropertyName("domain")] public double[]? Domain { get; init; }
    /// <summary>Anchor axis for subplots.</summary>
    [JsonPropertyName("anchor")] public string? Anchor { get; init; }
    /// <summary>"reversed" to flip (depth down).</summary>
    [JsonPropertyName("autorange")] public string? AutoRange { get; init; }
    /// <summary>"log" for a logarithmic axis (L-curves, weights); null for linear.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>An axis titled with a quantity and its unit.</summary>
    public static Axis Titled(string quantity, string unit) => new(new AxisTitle($"{quantity} ({unit})"));
}

/// <summary>Axis title text.</summary>
/// <param name="Text">The text.</param>
public sealed record AxisTitle([property: JsonPropertyName("text")] string Text);

/// <summary>Figure title.</summary>
/// <param name="Text">The text.</param>
public sealed record FigureTitle([property: JsonPropertyName("text")] string Text);

/// <summary>The figure layout (only what our figures use).</summary>
/// <param name="Title">Figure title.</param>
public sealed record Layout([property: JsonPropertyName("title")] FigureTitle Title)
{
    /// <summary>First x axis.</summary>
    [JsonPropertyName("xaxis")] public Axis? XAxis { get; init; }
    /// <summary>First y axis.</summary>
    [JsonPropertyName("yaxis")] public Axis? YAxis { get; init; }
    /// <summary>Second x axis (subplots).</summary>
    [JsonPropertyName("xaxis2")] public Axis? XAxis2 { get; init; }
    /// <summary>Second y axis.</summary>
    [JsonPropertyName("yaxis2")] public Axis? YAxis2 { get; init; }
    /// <summary>Third x axis.</summary>
    [JsonPropertyName("xaxis3")] public Axis? XAxis3 { get; init; }
    /// <summary>Third y axis.</summary>
    [JsonPropertyName("yaxis3")] public Axis? YAxis3 { get; init; }
    /// <summary>Text notes placed in data coordinates (e.g. "Mw 6.4", an epicentre label).</summary>
    [JsonPropertyName("annotations")] public IReadOnlyList<Annotation>? Annotations { get; init; }
    /// <summary>3-D scene axes (for mesh3d).</summary>
    [JsonPropertyName("scene")] public Scene? Scene { get; init; }
    /// <summary>Further axes by plotly name ("xaxis4", "yaxis7", …) for grids of subplots.</summary>
    [JsonExtensionData] public Dictionary<string, object>? MoreAxes { get; init; }
    /// <summary>Height, px.</summary>
    [JsonPropertyName("height")] public int? Height { get; init; }
    /// <summary>Show the legend.</summary>
    [JsonPropertyName("showlegend")] public bool? ShowLegend { get; init; }
}

/// <summary>The axes of a 3-D scene.</summary>
/// <param name="XAxis">x axis.</param>
/// <param name="YAxis">y axis.</param>
/// <param name="ZAxis">z axis.</param>
public sealed record Scene([property: JsonPropertyName("xaxis")] Axis XAxis, [property: JsonPropertyName("yaxis")] Axis YAxis,
    [property: JsonPropertyName("zaxis")] Axis ZAxis)
{
    /// <summary>"data" keeps true proportions.</summary>
    [JsonPropertyName("aspectmode")] public string AspectMode { get; init; } = "data";
}

/// <summary>A text note at a data position, with or without an arrow.</summary>
/// <param name="X">x in data units.</param>
/// <param name="Y">y in data units.</param>
/// <param name="Text">The note.</param>
public sealed record Annotation([property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>Draw an arrow from the text to the point.</summary>
    [JsonPropertyName("showarrow")] public bool ShowArrow { get; init; } = true;
    /// <summary>Axis the x refers to ("x", "x2", …).</summary>
    [JsonPropertyName("xref")] public string XRef { get; init; } = "x";
    /// <summary>Axis the y refers to.</summary>
    [JsonPropertyName("yref")] public string YRef { get; init; } = "y";
}
