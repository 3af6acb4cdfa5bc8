using Plotly.NET;

namespace SourceModel.Reports.Figures;

/// <summary>
/// The figures the pipeline reuses, built with Plotly.NET from plain arrays (the caller converts units and names them).
/// Every axis is titled with its unit; colour bars name the quantity and unit; signed quantities use a colour scale
/// symmetric about zero. This part: maps (points, quadtree leaves, data–model–residual, fields on grids).
/// </summary>
public static partial class StandardFigures
{
    /// <summary>Number of colour classes of the filled leaf polygons: fine enough to read as continuous next to the
    /// colour bar, few enough that a 2,000-leaf map stays a handful of traces.</summary>
    public const int LeafColourClasses = 32;

    /// <summary>Points coloured by value on a map with 1:1 axes fitted to the data, with optional outlines (faults,
    /// traces) and hover text per point (e.g. lon/lat).</summary>
    public static Figure PointMap(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> value,
        string quantity, string unit, string lengthUnit = "km", IReadOnlyList<Polyline>? outlines = null, double? limit = null,
        IReadOnlyList<string>? hover = null)
    {
        double c = limit ?? ColourScales.SymmetricLimit(value);
        var traces = new List<Trace> { ColouredMarkers(x, y, value, c, quantity, unit, hover, "x", "y", showScale: true, size: 6, opacity: 1) };
        traces.AddRange((outlines ?? []).Select(o => o.ToTrace()));
        var layout = Plot.Layout(title);
        MapAxes(layout, "x", "y", lengthUnit, x, y, outlines);
        return Figure.Of(id, layout, traces);
    }

    /// <summary>Quadtree leaves drawn as what they are: filled squares of side <paramref name="size"/> about each
    /// centre, coloured by value on a symmetric scale, so the map has no holes where small leaves crowd the peak;
    /// hover at each centre shows the value (and <paramref name="hover"/>, e.g. lon/lat).</summary>
    public static Figure LeafMap(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> size,
        IReadOnlyList<double> value, string quantity, string unit, string lengthUnit = "km", IReadOnlyList<Polyline>? outlines = null,
        double? limit = null, IReadOnlyList<string>? hover = null)
    {
        double c = limit ?? ColourScales.SymmetricLimit(value);
        var traces = new List<Trace>();
        traces.AddRange(LeafPolygons(x, y, size, value, c, "x", "y"));
        traces.Add(ColouredMarkers(x, y, value, c, quantity, unit, hover, "x", "y", showScale: true, size: 4, opacity: 0));
        traces.AddRange((outlines ?? []).Select(o => o.ToTrace()));
        var layout = Plot.Layout(title);
        MapAxes(layout, "x", "y", lengthUnit, Corners(x, size, -1).Concat(Corners(x, size, 1)).ToArray(), Corners(y, size, -1).Concat(Corners(y, size, 1)).ToArray(), outlines);
        return Figure.Of(id, layout, traces);
    }

    /// <summary>Data, model and residual side by side with one shared symmetric colour scale (so colours compare), as
    /// leaf polygons when <paramref name="size"/> is given, else as points.</summary>
    public static Figure Triptych(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> data,
        IReadOnlyList<double> model, string quantity, string unit, string lengthUnit = "km", IReadOnlyList<Polyline>? outlines = null,
        IReadOnlyList<double>? size = null, IReadOnlyList<string>? hover = null)
    {
        if (data.Count != model.Count || data.Count != x.Count || y.Count != x.Count || size is not null && size.Count != x.Count)
            throw new ArgumentException("x, y, data, model (and leaf sizes) must have the same length.");
        var residual = data.Zip(model, (d, m) => d - m).ToArray();
        double c = ColourScales.SymmetricLimit(data.Concat(model));
        var traces = new List<Trace>();
        var layout = Plot.Layout(title).With("height", 440);
        string[] names = ["data", "model", "residual"];
        IReadOnlyList<double>[] values = [data, model, residual];
        double[] ex = size is null ? [.. x] : [.. Corners(x, size, -1), .. Corners(x, size, 1)];
        double[] ey = size is null ? [.. y] : [.. Corners(y, size, -1), .. Corners(y, size, 1)];
        for (int k = 0; k < 3; k++)
        {
            var (xa, ya) = Plot.AxisPair(k + 1);
            if (size is not null) traces.AddRange(LeafPolygons(x, y, size, values[k], c, xa, ya));
            traces.Add(ColouredMarkers(x, y, values[k], c, quantity, unit, hover, xa, ya, showScale: k == 2, size: size is null ? 5 : 4, opacity: size is null ? 1 : 0, name: names[k]));
            traces.AddRange((outlines ?? []).Select(o => o.ToTrace(xa, ya)));
            MapAxes(layout, xa, ya, lengthUnit, ex, ey, outlines, $"east, {names[k]}", domain: [k / 3.0 + 0.01, (k + 1) / 3.0 - 0.04]);
        }
        return Figure.Of(id, layout, traces);
    }

    /// <summary>A field on a regular grid (at depth, or a cross-section with depth increasing downward) as a heat map;
    /// signed fields on a symmetric scale of ±<paramref name="limit"/> (default: the largest |value|).</summary>
    public static Figure FieldMap(string id, string title, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> z,
        string quantity, string unit, (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis, bool depthDown = false,
        bool diverging = true, IReadOnlyList<Polyline>? outlines = null, bool equalAspect = true, double? limit = null)
    {
        double c = limit ?? ColourScales.SymmetricLimit(z.SelectMany(r => r));
        var heat = Plot.Trace("heatmap").With("name", quantity).With("x", x.ToArray()).With("y", y.ToArray())
            .With("z", z.Select(r => Plot.Gaps(r)).ToArray())
            .With("colorscale", diverging ? ColourScales.DivergingAttribute : ColourScales.Sequential)
            .With("zmin", diverging ? -c : null).With("zmax", diverging ? c : null)
            .With("colorbar", Plot.ColourBar(quantity, unit));
        var traces = new List<Trace> { heat };
        traces.AddRange((outlines ?? []).Select(o => o.ToTrace()));
        double[] rx = Range(x), ry = Range(y);
        var layout = Plot.Layout(title)
            .With("xaxis", Plot.Axis(xAxis.Quantity, xAxis.Unit).With("range", rx))
            .With("yaxis", Plot.Axis(yAxis.Quantity, yAxis.Unit)
                .With("range", depthDown ? ry.Reverse().ToArray() : ry)
                .With("scaleanchor", equalAspect ? "x" : null));
        // True proportions (maps, sections): a height that matches them, so the field fills the page's width.
        if (equalAspect) layout.With("height", (int)Math.Clamp(170 + 850 * (ry[1] - ry[0]) / (rx[1] - rx[0]), 380, 950));
        return Figure.Of(id, layout, traces);
    }

    /// <summary>Quadtree leaves as their square outlines (side <paramref name="size"/> about each centre), one grey line.</summary>
    public static Polyline LeafOutlines(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> size)
    {
        var px = new List<double>(x.Count * 6);
        var py = new List<double>(x.Count * 6);
        for (int i = 0; i < x.Count; i++)
        {
            double h = size[i] / 2;
            px.AddRange([x[i] - h, x[i] + h, x[i] + h, x[i] - h, x[i] - h, double.NaN]);
            py.AddRange([y[i] - h, y[i] - h, y[i] + h, y[i] + h, y[i] - h, double.NaN]);
        }
        return new Polyline("quadtree leaves", px, py, "#bbbbbb") { Width = 0.5 };
    }

    /// <summary>One scatter trace per colour class, each filling its leaves' squares ("toself" fills every null-separated
    /// ring separately) with the class's colour from <see cref="ColourScales.Diverging"/>.</summary>
    private static IEnumerable<Trace> LeafPolygons(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> size,
        IReadOnlyList<double> value, double limit, string xa, string ya)
    {
        var rings = new List<double>[LeafColourClasses * 2];
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(value[i])) continue;
            double t = Math.Clamp((value[i] / limit + 1) / 2, 0, 1);
            int k = Math.Min((int)(t * LeafColourClasses), LeafColourClasses - 1);
            var px = rings[2 * k] ??= [];
            var py = rings[2 * k + 1] ??= [];
            double h = size[i] / 2;
            px.AddRange([x[i] - h, x[i] + h, x[i] + h, x[i] - h, x[i] - h, double.NaN]);
            py.AddRange([y[i] - h, y[i] - h, y[i] + h, y[i] + h, y[i] - h, double.NaN]);
        }
        for (int k = 0; k < LeafColourClasses; k++)
        {
            if (rings[2 * k] is not { } px) continue;
            string colour = ColourScales.DivergingAt((k + 0.5) / LeafColourClasses);
            yield return Plot.Trace("scatter").With("mode", "lines").With("x", Plot.Gaps(px)).With("y", Plot.Gaps(rings[2 * k + 1]!))
                .With("fill", "toself").With("fillcolor", colour).With("line", Plot.Object().With("color", colour).With("width", 0.5))
                .With("hoverinfo", "skip").With("showlegend", false).With("xaxis", xa).With("yaxis", ya);
        }
    }

    /// <summary>Markers coloured on the symmetric scale, carrying the colour bar and the hover text (invisible with
    /// <paramref name="opacity"/> 0 when leaf polygons under them show the colour).</summary>
    private static Trace2D ColouredMarkers(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> value, double limit,
        string quantity, string unit, IReadOnlyList<string>? hover, string xa, string ya, bool showScale, double size, double opacity, string? name = null)
    {
        var marker = Plot.Object().With("color", Plot.Gaps(value)).With("colorscale", ColourScales.DivergingAttribute)
            .With("cmin", -limit).With("cmax", limit).With("size", size).With("opacity", opacity).With("showscale", showScale)
            .With("colorbar", showScale ? Plot.ColourBar(quantity, unit) : null);
        string type = x.Count > 20000 ? "scattergl" : "scatter";
        return Plot.Trace(type).With("name", name ?? quantity).With("mode", "markers").With("x", Plot.Gaps(x)).With("y", Plot.Gaps(y))
            .With("marker", marker).With("showlegend", false).With("xaxis", xa).With("yaxis", ya)
            .With("text", hover?.ToArray())
            .With("hovertemplate", $"{quantity} %{{marker.color:.3g}} {unit}<br>%{{x:.2f}}, %{{y:.2f}}{(hover is null ? "" : "<br>%{text}")}<extra></extra>");
    }

    /// <summary>East and north axes of a map fitted to the data and outlines (3 % margin), 1:1, without zero lines. A
    /// single map (no <paramref name="domain"/>) gets a height that matches the data's aspect, so it fills the page's
    /// width; subplots keep their domain and shrink it to stay 1:1.</summary>
    private static void MapAxes(Layout layout, string xa, string ya, string lengthUnit, IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<Polyline>? outlines, string xTitle = "east", double[]? domain = null)
    {
        var allX = x.Concat((outlines ?? []).SelectMany(o => o.X)).ToArray();
        var allY = y.Concat((outlines ?? []).SelectMany(o => o.Y)).ToArray();
        double[] rx = Range(allX), ry = Range(allY);
        string constrain = domain is null ? "range" : "domain";
        layout.With(Plot.LayoutKey(xa), Plot.Axis(xTitle, lengthUnit).With("range", rx).With("domain", domain)
            .With("anchor", domain is null ? null : ya).With("constrain", constrain));
        layout.With(Plot.LayoutKey(ya), Plot.Axis("north", lengthUnit).With("range", ry).With("scaleanchor", xa)
            .With("anchor", domain is null ? null : xa).With("constrain", constrain));
        // ~850 px of plot width on the report page (1,100 px less the colour bar and margins), plus title and axes.
        if (domain is null) layout.With("height", (int)Math.Clamp(170 + 850 * (ry[1] - ry[0]) / (rx[1] - rx[0]), 420, 950));
    }

    /// <summary>The finite extent of <paramref name="v"/> with a 3 % margin each side.</summary>
    internal static double[] Range(IEnumerable<double> v)
    {
        var f = v.Where(double.IsFinite).ToArray();
        if (f.Length == 0) return [-1, 1];
        double lo = f.Min(), hi = f.Max(), pad = Math.Max(0.03 * (hi - lo), 1e-9);
        return [lo - pad, hi + pad];
    }

    private static IEnumerable<double> Corners(IReadOnlyList<double> centre, IReadOnlyList<double> size, int side) =>
        centre.Select((c, i) => c + side * size[i] / 2);
}
