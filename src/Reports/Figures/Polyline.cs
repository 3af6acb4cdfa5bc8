using Plotly.NET;

namespace SourceModel.Reports.Figures;

/// <summary>A line on a map or section (fault outline, surface trace, profile track, arrows), in the figure's length
/// unit; NaN vertices break it into pieces.</summary>
/// <param name="Name">Legend and hover name.</param>
/// <param name="X">x (east, or distance) of the vertices.</param>
/// <param name="Y">y (north, or depth) of the vertices.</param>
/// <param name="Color">CSS colour.</param>
public sealed record Polyline(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string Color = "black")
{
    /// <summary>Line width, px.</summary>
    public double Width { get; init; } = 1.5;

    /// <summary>plotly dash style ("dash", "dot") or null for a solid line.</summary>
    public string? Dash { get; init; }

    /// <summary>The line as a plotly scatter trace on the given axes.</summary>
    public Trace2D ToTrace(string? xAxis = null, string? yAxis = null, bool legend = false) =>
        Plot.Trace("scatter").With("name", Name).With("mode", "lines").With("x", Plot.Gaps(X)).With("y", Plot.Gaps(Y))
            .With("line", Plot.Object().With("color", Color).With("width", Width).With("dash", Dash))
            .With("xaxis", xAxis).With("yaxis", yAxis).With("showlegend", legend).With("hoverinfo", "name");

    /// <summary>Arrows from (x, y) along (u, v) × <paramref name="scale"/>, each with a two-barbed head a third of its
    /// length (so direction reads at a glance, where a bare segment is ambiguous); zero vectors are left out.</summary>
    public static Polyline Arrows(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> u,
        IReadOnlyList<double> v, double scale, string color = "black")
    {
        if (x.Count != y.Count || u.Count != x.Count || v.Count != x.Count) throw new ArgumentException("give x, y, u and v of equal length.");
        var px = new List<double>(x.Count * 9);
        var py = new List<double>(x.Count * 9);
        const double barb = 0.33, spread = 0.45;   // head length as a fraction of the arrow; half-angle ≈ 26°
        for (int i = 0; i < x.Count; i++)
        {
            double dx = u[i] * scale, dy = v[i] * scale;
            if (!(double.IsFinite(dx) && double.IsFinite(dy)) || dx == 0 && dy == 0) continue;
            double tx = x[i] + dx, ty = y[i] + dy;
            // Barbs: back from the tip along the arrow, turned by ±26°.
            double bx = -dx * barb, by = -dy * barb, c = Math.Cos(spread), s = Math.Sin(spread);
            px.AddRange([x[i], tx, double.NaN, tx + c * bx - s * by, tx, tx + c * bx + s * by, double.NaN]);
            py.AddRange([y[i], ty, double.NaN, ty + s * bx + c * by, ty, ty - s * bx + c * by, double.NaN]);
        }
        return new Polyline(name, px, py, color);
    }
}
