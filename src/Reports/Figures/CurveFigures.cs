using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SourceModel.Reports.Figures;

public static partial class StandardFigures
{
    /// <summary>A profile: observations with error bars and model lines.</summary>
    public static Figure Profile(string id, string title, IReadOnlyList<double> distance, IReadOnlyList<double> value, IReadOnlyList<double>? sigma,
        (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis, params (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] models)
    {
        var data = Plot.Trace("scatter").With("name", "data").With("mode", "markers").With("x", Plot.Gaps(distance)).With("y", Plot.Gaps(value))
            .With("marker", Plot.Object().With("size", 5))
            .With("error_y", sigma is null ? null : Plot.Object().With("type", "data").With("array", Plot.Gaps(sigma)).With("visible", true));
        var traces = new List<Trace> { data };
        traces.AddRange(models.Select(m => Plot.Trace("scatter").With("name", m.Name).With("mode", "lines").With("x", Plot.Gaps(m.X)).With("y", Plot.Gaps(m.Y))));
        return Figure.Of(id, Plot.Layout(title, legend: true).With("xaxis", Plot.Axis(xAxis.Quantity, xAxis.Unit)).With("yaxis", Plot.Axis(yAxis.Quantity, yAxis.Unit)), traces);
    }

    /// <summary>Several named curves on shared axes (profiles, traces, curves of a parameter study).</summary>
    public static Figure Lines(string id, string title, (string Quantity, string Unit) xAxis, (string Quantity, string Unit) yAxis,
        params (string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)[] curves)
    {
        if (curves.Length == 0) throw new ArgumentException("give at least one curve.");
        if (curves.Any(c => c.X.Count != c.Y.Count)) throw new ArgumentException("every curve needs as many x as y values.");
        return Figure.OfCharts(id, Plot.Layout(title, legend: curves.Length > 1).With("xaxis", Plot.Axis(xAxis.Quantity, xAxis.Unit)).With("yaxis", Plot.Axis(yAxis.Quantity, yAxis.Unit)),
            curves.Select(c => Chart.Line<double, double, string>(c.X.ToArray(), c.Y.ToArray(), Name: c.Name, UseDefaults: false)));
    }

    /// <summary>Convergence of one or more runs (misfit against iteration).</summary>
    public static Figure Convergence(string id, string title, string misfit, string unit, params (string Name, IReadOnlyList<double> Values)[] runs) =>
        Figure.OfCharts(id, Plot.Layout(title, legend: runs.Length > 1).With("xaxis", Plot.Axis("iteration", "count")).With("yaxis", Plot.Axis(misfit, unit)),
            runs.Select(r => Chart.Line<double, double, string>(Enumerable.Range(1, r.Values.Count).Select(i => (double)i).ToArray(), r.Values.ToArray(), Name: r.Name, UseDefaults: false)));

    /// <summary>The L-curve (misfit against roughness over smoothing weights) with the chosen weight marked; with
    /// <paramref name="logLog"/> both axes logarithmic, as an L-curve is read (its corner is defined there).</summary>
    public static Figure LCurve(string id, string title, IReadOnlyList<double> roughness, IReadOnlyList<double> misfit, IReadOnlyList<double> weights,
        int chosen, (string Quantity, string Unit) roughnessAxis, (string Quantity, string Unit) misfitAxis, bool logLog = false,
        IReadOnlyList<(string Label, int Index)>? marks = null)
    {
        if (chosen < 0 || chosen >= weights.Count) throw new ArgumentException("the chosen point must be one of the curve's points.");
        if (marks is not null && marks.Any(m => m.Index < 0 || m.Index >= weights.Count)) throw new ArgumentException("every marked point must be one of the curve's points.");
        var labels = weights.Select(w => $"weight {w.ToString("G4", CultureInfo.InvariantCulture)}").ToArray();
        var curve = Plot.Trace("scatter").With("name", "L-curve").With("mode", "lines+markers").With("x", Plot.Gaps(roughness)).With("y", Plot.Gaps(misfit)).With("text", labels);
        var pick = Plot.Trace("scatter").With("name", $"chosen: {labels[chosen]}").With("mode", "markers").With("x", new[] { roughness[chosen] })
            .With("y", new[] { misfit[chosen] }).With("marker", Plot.Object().With("size", 14).With("color", "red"));
        // plotly places annotations on a log axis by the logarithm of the coordinate.
        double At(double v) => logLog ? Math.Log10(v) : v;
        var note = Plot.Object().With("x", At(roughness[chosen])).With("y", At(misfit[chosen])).With("text", labels[chosen]).With("showarrow", true);
        string? type = logLog ? "log" : null;
        // The points other rules would pick (corner, ABIC, GCV minima), each an open symbol of its own.
        string[] symbols = ["diamond-open", "square-open", "triangle-up-open", "cross-open"];
        var others = (marks ?? []).Select((m, k) => Plot.Trace("scatter").With("name", $"{m.Label}: {labels[m.Index]}").With("mode", "markers")
            .With("x", new[] { roughness[m.Index] }).With("y", new[] { misfit[m.Index] })
            .With("marker", Plot.Object().With("size", 18).With("symbol", symbols[k % symbols.Length]).With("line", Plot.Object().With("width", 2))));
        return Figure.Of(id, Plot.Layout(title, legend: true).With("xaxis", Plot.Axis(roughnessAxis.Quantity, roughnessAxis.Unit).With("type", type))
            .With("yaxis", Plot.Axis(misfitAxis.Quantity, misfitAxis.Unit).With("type", type)).With("annotations", new[] { note }), [curve, pick, .. others]);
    }
}
