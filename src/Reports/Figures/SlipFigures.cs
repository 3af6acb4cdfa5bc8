using System.Globalization;
using Plotly.NET;

namespace SourceModel.Reports.Figures;

/// <summary>The fault plane seen face on, for slip.</summary>
/// <param name="Strike">Strike, degrees clockwise from north (the along-strike axis points this way).</param>
/// <param name="Dip">Dip, degrees.</param>
/// <param name="TopDepth">Depth of the top edge, in the figure's length unit.</param>
public readonly record struct PlaneView(double Strike, double Dip, double TopDepth)
{
    /// <summary>The 16-point compass name of an azimuth in degrees (N, NNE, NE, …).</summary>
    public static string Compass(double azimuth)
    {
        string[] names = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];
        double a = ((azimuth % 360) + 360) % 360;
        return names[(int)Math.Round(a / 22.5) % 16];
    }
}

public static partial class StandardFigures
{
    /// <summary>
    /// Slip on a plane in the along-strike / down-dip view (patch grid, j down dip from the top row) with rake arrows
    /// (hanging-wall slip, length ∝ slip, with heads; up-dip drawn upward). The vertical axis reads depth in
    /// <paramref name="lengthUnit"/> (ticks placed down dip, labelled with the depth below the surface, so the plane
    /// keeps its true shape), and the two ends of the along-strike axis are labelled with their compass direction.
    /// </summary>
    /// <remarks><paramref name="marked"/> (optional, one per patch in the same order) draws a cross on each marked
    /// patch, named <paramref name="markedName"/> in the legend.</remarks>
    public static Figure SlipPatches(string id, string title, int along, int down, double patchLength, double patchWidth,
        IReadOnlyList<double> strikeSlip, IReadOnlyList<double> dipSlip, PlaneView plane, string lengthUnit = "km", string slipUnit = "m",
        IReadOnlyList<bool>? marked = null, string markedName = "")
    {
        int n = along * down;
        if (strikeSlip.Count != n || dipSlip.Count != n) throw new ArgumentException($"give {n} slips per component.");
        if (marked is not null && marked.Count != n) throw new ArgumentException($"give {n} marks.");
        var xs = Enumerable.Range(0, along).Select(i => (i + 0.5) * patchLength).ToArray();
        var ys = Enumerable.Range(0, down).Select(j => (j + 0.5) * patchWidth).ToArray();
        var z = Enumerable.Range(0, down).Select(j => Enumerable.Range(0, along)
            .Select(i => Math.Sqrt(strikeSlip[j * along + i] * strikeSlip[j * along + i] + dipSlip[j * along + i] * dipSlip[j * along + i])).ToArray()).ToArray();
        double max = z.SelectMany(r => r).DefaultIfEmpty(0).Max();
        double scale = 0.9 * Math.Min(patchLength, patchWidth) / (max > 0 ? max : 1);
        var ax = new List<double>(); var ay = new List<double>(); var au = new List<double>(); var av = new List<double>();
        for (int j = 0; j < down; j++)
            for (int i = 0; i < along; i++)
            {
                double s = strikeSlip[j * along + i], d = dipSlip[j * along + i];
                // Centred on the patch; down-dip distance grows downward on the reversed axis, so up-dip slip (d > 0)
                // points to smaller distances.
                ax.Add(xs[i] - s * scale / 2); ay.Add(ys[j] + d * scale / 2); au.Add(s); av.Add(-d);
            }
        var arrows = Polyline.Arrows("rake", ax, ay, au, av, scale, "white");
        var heat = Plot.Trace("heatmap").With("name", "slip").With("x", xs).With("y", ys).With("z", z)
            .With("colorscale", ColourScales.Sequential).With("zmin", 0).With("colorbar", Plot.ColourBar("slip", slipUnit))
            .With("hovertemplate", $"slip %{{z:.3g}} {slipUnit}<extra></extra>");
        double width = down * patchWidth, length = along * patchLength, sinDip = Math.Sin(plane.Dip * Math.PI / 180);
        double step = NiceStep(width * sinDip / 5);
        var depthTicks = new List<double>(); var depthLabels = new List<string>();
        for (double depth = Math.Ceiling(plane.TopDepth / step) * step; depth <= plane.TopDepth + width * sinDip + 1e-9; depth += step)
        {
            depthTicks.Add(sinDip > 1e-9 ? (depth - plane.TopDepth) / sinDip : 0);
            depthLabels.Add(depth.ToString("0.##", CultureInfo.InvariantCulture));
        }
        var layout = Plot.Layout(title)
            .With("xaxis", Plot.Axis("along strike", lengthUnit).With("range", new[] { 0.0, length }))
            .With("yaxis", Plot.Axis("depth", lengthUnit).With("range", new[] { width, 0.0 }).With("scaleanchor", "x")
                .With("tickvals", depthTicks.ToArray()).With("ticktext", depthLabels.ToArray()))
            .With("annotations", new[]
            {
                EndLabel(0, PlaneView.Compass(plane.Strike + 180), "left"),
                EndLabel(length, PlaneView.Compass(plane.Strike), "right"),
            });
        if (marked is null || !marked.Contains(true)) return Figure.Of(id, layout, [heat, arrows.ToTrace()]);
        // Marked patches (e.g. poorly resolved) as crosses at their centres.
        var at = Enumerable.Range(0, n).Where(k => marked[k]).ToArray();
        var marks = Plot.Trace("scatter").With("name", markedName).With("mode", "markers")
            .With("x", at.Select(k => xs[k % along]).ToArray()).With("y", at.Select(k => ys[k / along]).ToArray())
            .With("marker", Plot.Object().With("symbol", "x-thin-open").With("size", 7).With("color", "grey"))
            .With("hovertemplate", markedName + "<extra></extra>");
        return Figure.Of(id, layout, [heat, arrows.ToTrace(), marks]);
    }

    private static DynamicObj.DynamicObj EndLabel(double x, string text, string align) =>
        Plot.Object().With("x", x).With("y", 1.0).With("xref", "x").With("yref", "paper").With("yanchor", "bottom")
            .With("xanchor", align).With("text", $"<b>{text}</b>").With("showarrow", false);

    /// <summary>1, 2 or 5 × 10ⁿ at or above <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
    {
        if (!(raw > 0)) return 1;
        double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
    }

    /// <summary>Fault patches in 3-D coloured by slip: each patch given by its four corners (east, north, up) in order
    /// around the rectangle.</summary>
    public static Figure SlipPatches3D(string id, string title, IReadOnlyList<(double E, double N, double U)[]> patches, IReadOnlyList<double> slip,
        string lengthUnit = "km", string slipUnit = "m") => Patches3D(id, title, patches, slip, "slip", slipUnit, false, lengthUnit);

    /// <summary>Any per-patch quantity on the patches in 3-D; <paramref name="diverging"/> for signed quantities (ΔCFS),
    /// on a colour scale symmetric about ±<paramref name="limit"/> (default: the largest |value|).</summary>
    public static Figure Patches3D(string id, string title, IReadOnlyList<(double E, double N, double U)[]> patches, IReadOnlyList<double> values,
        string quantity, string unit, bool diverging, string lengthUnit = "km", double? limit = null)
    {
        if (patches.Count != values.Count) throw new ArgumentException("give one value per patch.");
        var x = new List<double>(); var y = new List<double>(); var z = new List<double>();
        var i = new List<int>(); var j = new List<int>(); var k = new List<int>();
        var intensity = new List<double>();
        for (int p = 0; p < patches.Count; p++)
        {
            var c = patches[p];
            if (c.Length != 4) throw new ArgumentException($"patch {p + 1}: give its four corners.");
            int b = x.Count;
            foreach (var v in c) { x.Add(v.E); y.Add(v.N); z.Add(v.U); }
            i.AddRange([b, b]); j.AddRange([b + 1, b + 2]); k.AddRange([b + 2, b + 3]);
            intensity.AddRange([values[p], values[p]]);
        }
        double c0 = limit ?? ColourScales.SymmetricLimit(values);
        var mesh = Plot.Trace3D("mesh3d").With("name", quantity).With("x", x.ToArray()).With("y", y.ToArray()).With("z", z.ToArray())
            .With("i", i.ToArray()).With("j", j.ToArray()).With("k", k.ToArray())
            .With("intensity", Plot.Gaps(intensity)).With("intensitymode", "cell")
            .With("colorscale", diverging ? ColourScales.DivergingAttribute : ColourScales.Sequential)
            .With("cmin", diverging ? -c0 : null).With("cmax", diverging ? c0 : null)
            .With("colorbar", Plot.ColourBar(quantity, unit));
        var scene = Plot.Object().With("xaxis", Plot.Axis("east", lengthUnit)).With("yaxis", Plot.Axis("north", lengthUnit))
            .With("zaxis", Plot.Axis("up", lengthUnit)).With("aspectmode", "data");
        return Figure.Of(id, Plot.Layout(title).With("scene", scene).With("height", 600), [mesh]);
    }
}
