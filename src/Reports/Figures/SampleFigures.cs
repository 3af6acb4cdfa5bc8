using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SourceModel.Reports.Figures;

/// <summary>Samples of one parameter (Monte Carlo realisations, MCMC draws) with the values to mark against them.</summary>
/// <param name="Quantity">What the parameter is ("top-edge centre east", "dip").</param>
/// <param name="Unit">Its unit ("km", "°").</param>
/// <param name="Samples">The samples.</param>
public sealed record SampledParameter(string Quantity, string Unit, IReadOnlyList<double> Samples)
{
    /// <summary>The best fit (marked red), if known.</summary>
    public double? Best { get; init; }

    /// <summary>A published or true value (marked black, dashed), if given.</summary>
    public double? Published { get; init; }
}

public static partial class StandardFigures
{
    /// <summary>The one colour of sample figures.</summary>
    public const string SampleColour = "#4c72b0";

    /// <summary>A histogram of one parameter's samples.</summary>
    public static Figure Histogram(string id, string title, IReadOnlyList<double> samples, string quantity, string unit, int bins = 40) =>
        Figure.OfCharts(id, Plot.Layout(title).With("xaxis", Plot.Axis(quantity, unit)).With("yaxis", Plot.Axis("count", "samples")),
            [Chart.Histogram<double, double, string>(X: samples.Where(double.IsFinite).ToArray(), Name: quantity, NBinsX: bins, MarkerColor: Color.fromString(SampleColour), UseDefaults: false)]);

    /// <summary>Histograms of several parameters in a compact grid of <paramref name="columns"/> columns, each marking
    /// the best fit (red) and, where given, the published value (black, dashed).</summary>
    public static Figure HistogramGrid(string id, string title, IReadOnlyList<SampledParameter> parameters, int columns = 3, int bins = 30)
    {
        if (parameters.Count == 0) throw new ArgumentException("give at least one parameter.");
        columns = Math.Clamp(columns, 1, parameters.Count);
        int rows = (parameters.Count + columns - 1) / columns;
        const double gapX = 0.06, gapY = 0.12;
        double w = (1 - gapX * (columns - 1)) / columns, h = (1 - gapY * (rows - 1)) / rows;
        var layout = Plot.Layout(title + Legend(parameters))
            .With("height", 230 * rows + 80);
        var traces = new List<Trace>();
        var shapes = new List<DynamicObj.DynamicObj>();
        for (int k = 0; k < parameters.Count; k++)
        {
            var p = parameters[k];
            int row = k / columns, col = k % columns;
            var (xa, ya) = Plot.AxisPair(k + 1);
            traces.Add(HistogramTrace(p, xa, ya, bins));
            layout.With(Plot.LayoutKey(xa), Plot.Axis(p.Quantity, p.Unit).With("domain", new[] { col * (w + gapX), col * (w + gapX) + w }).With("anchor", ya).With("nticks", 5));
            layout.With(Plot.LayoutKey(ya), Plot.Axis("").With("domain", new[] { 1 - row * (h + gapY) - h, 1 - row * (h + gapY) }).With("anchor", xa).With("showticklabels", false));
            shapes.AddRange(Marks(p, xa, ya));
        }
        return Figure.Of(id, layout.With("shapes", shapes.ToArray()), traces);
    }

    /// <summary>A corner plot: histograms on the diagonal (all samples), pairwise scatter below it (every k-th sample, at
    /// most <paramref name="maxScatterPoints"/> per panel: enough to see a trade-off, light enough for a page), square
    /// panels in one colour, the best fit marked red.</summary>
    public static Figure Corner(string id, string title, IReadOnlyList<SampledParameter> parameters, int maxScatterPoints = 2000)
    {
        int p = parameters.Count;
        if (p < 2) throw new ArgumentException("a corner plot needs at least two parameters.");
        int count = parameters[0].Samples.Count;
        if (parameters.Any(q => q.Samples.Count != count)) throw new ArgumentException("every parameter needs the same number of samples.");
        if (maxScatterPoints < 1) throw new ArgumentException($"a scatter panel needs room for at least one point, got {maxScatterPoints}.");
        int every = (count + maxScatterPoints - 1) / maxScatterPoints;
        var traces = new List<Trace>();
        var shapes = new List<DynamicObj.DynamicObj>();
        // Square panels: a fixed square figure (panels of ~110–160 px), margins equal on both axes.
        int side = Math.Clamp(150 * p + 120, 420, 1080);
        var layout = Plot.Layout(title + Legend(parameters.Select(q => q with { Published = null }).ToList())).With("width", side).With("height", side).With("autosize", false)
            .With("margin", Plot.Object().With("l", 100).With("r", 20).With("t", 60).With("b", 110));
        double gap = 0.02, size = (1.0 - gap * (p - 1)) / p;
        for (int row = 0; row < p; row++)
            for (int col = 0; col <= row; col++)
            {
                var (xa, ya) = Plot.AxisPair(row * p + col + 1);
                if (row == col)
                {
                    traces.Add(HistogramTrace(parameters[col], xa, ya, 30));
                    shapes.AddRange(Marks(parameters[col] with { Published = null }, xa, ya));
                }
                else
                {
                    traces.Add(Plot.Trace("scatter").With("mode", "markers").With("name", $"{parameters[row].Quantity} vs {parameters[col].Quantity}")
                        .With("x", Plot.Gaps(Every(parameters[col].Samples, every))).With("y", Plot.Gaps(Every(parameters[row].Samples, every)))
                        .With("marker", Plot.Object().With("size", 3).With("color", SampleColour).With("opacity", 0.5))
                        .With("xaxis", xa).With("yaxis", ya).With("showlegend", false));
                    if (parameters[col].Best is { } bx && parameters[row].Best is { } by)
                        traces.Add(Plot.Trace("scatter").With("mode", "markers").With("name", "best fit").With("x", new[] { bx }).With("y", new[] { by })
                            .With("marker", Plot.Object().With("size", 9).With("color", "red").With("symbol", "x"))
                            .With("xaxis", xa).With("yaxis", ya).With("showlegend", false));
                }
                bool bottom = row == p - 1, left = col == 0 && row > 0;
                layout.With(Plot.LayoutKey(xa), Plot.Axis(bottom ? Wrapped($"{parameters[col].Quantity} ({parameters[col].Unit})") : "")
                    .With("domain", new[] { col * (size + gap), col * (size + gap) + size }).With("anchor", ya)
                    .With("nticks", 4).With("showticklabels", bottom).With("tickangle", bottom ? -45 : 0).With("tickfont", Plot.Object().With("size", 10))
                    .With("matches", row == col ? null : Plot.AxisPair(col * p + col + 1).X));
                layout.With(Plot.LayoutKey(ya), Plot.Axis(left ? Wrapped($"{parameters[row].Quantity} ({parameters[row].Unit})") : "")
                    .With("domain", new[] { 1 - (row + 1) * size - row * gap, 1 - row * (size + gap) }).With("anchor", xa)
                    .With("nticks", 4).With("showticklabels", left).With("tickfont", Plot.Object().With("size", 10)));
            }
        return Figure.Of(id, layout.With("shapes", shapes.ToArray()), traces);
    }

    /// <summary>What the marks mean, said only for the marks drawn.</summary>
    private static string Legend(IReadOnlyList<SampledParameter> parameters)
    {
        bool best = parameters.Any(p => p.Best is not null), published = parameters.Any(p => p.Published is not null);
        return best && published ? " (red: best fit; dashed: published)" : best ? " (red: best fit)" : published ? " (dashed: published)" : "";
    }

    /// <summary>A corner-plot axis title, broken onto two lines when long, so neighbouring titles do not overlap.</summary>
    private static string Wrapped(string text)
    {
        if (text.Length <= 16) return text;
        int middle = text.Length / 2, left = text.LastIndexOf(' ', middle), right = text.IndexOf(' ', middle);
        int at = left < 0 ? right : right < 0 ? left : middle - left <= right - middle ? left : right;
        return at < 0 ? text : text[..at] + "<br>" + text[(at + 1)..];
    }

    private static Trace2D HistogramTrace(SampledParameter p, string xa, string ya, int bins) =>
        Plot.Trace("histogram").With("name", p.Quantity).With("x", p.Samples.Where(double.IsFinite).ToArray()).With("nbinsx", bins)
            .With("marker", Plot.Object().With("color", SampleColour)).With("xaxis", xa).With("yaxis", ya).With("showlegend", false);

    /// <summary>Vertical lines across a panel at the best fit (red) and the published value (black, dashed).</summary>
    private static IEnumerable<DynamicObj.DynamicObj> Marks(SampledParameter p, string xa, string ya)
    {
        DynamicObj.DynamicObj Line(double x, string colour, string? dash) => Plot.Object().With("type", "line").With("xref", xa).With("yref", ya + " domain")
            .With("x0", x).With("x1", x).With("y0", 0).With("y1", 1).With("line", Plot.Object().With("color", colour).With("width", 2).With("dash", dash));
        if (p.Best is { } b && double.IsFinite(b)) yield return Line(b, "red", null);
        if (p.Published is { } q && double.IsFinite(q)) yield return Line(q, "black", "dash");
    }

    private static double[] Every(IReadOnlyList<double> values, int every) =>
        Enumerable.Range(0, (values.Count + every - 1) / Math.Max(every, 1)).Select(i => values[i * every]).ToArray();
}
