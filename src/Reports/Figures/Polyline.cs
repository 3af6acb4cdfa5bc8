namespace SourceModel.Reports.Figures;

/// <summary>A line on a map (fault outline, surface trace, profile track), in the figure's length unit.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="X">x (east) of the vertices.</param>
/// <param name="Y">y (north) of the vertices.</param>
/// <param name="Color">CSS colour.</param>
public sealed record Polyline(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string Color = "black")
{
    /// <summary>The line as a plotly trace on the given axes.</summary>
    public ScatterTrace ToTrace(string? xAxis = null, string? yAxis = null, bool legend = false) =>
        new(X, Y) { Name = Name, Mode = "lines", Line = new LineStyle(Color, 1.5), XAxis = xAxis, YAxis = yAxis, ShowLegend = legend };
}
