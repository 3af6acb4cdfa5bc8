using Plotly.NET;

namespace SourceModel.Reports.Figures;

/// <summary>A figure of a report: a Plotly.NET chart and the id that names its div and its JSON sidecar.</summary>
/// <param name="Id">Identifier (letters, digits, '-' and '_'), unique within a report.</param>
/// <param name="Chart">The chart (traces and layout).</param>
public sealed record Figure(string Id, GenericChart Chart)
{
    /// <summary>A figure from Plotly.NET trace objects and a layout, without Plotly.NET's default template and size (the
    /// report's page decides the width; the defaults would fix it at 600 px).</summary>
    public static Figure Of(string id, Layout layout, IEnumerable<Trace> traces) =>
        new(id, GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces.ToArray())));

    /// <summary>A figure from charts built with Plotly.NET's C# bindings (combined), under one layout.</summary>
    public static Figure OfCharts(string id, Layout layout, IEnumerable<GenericChart> charts) =>
        new(id, GenericChart.setLayout(layout, GenericChart.combine(charts)));

    /// <summary>The figure as plotly JSON, <c>{"data": [...], "layout": {...}}</c>, from Plotly.NET's serialiser.</summary>
    public string ToJson()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"figure id '{Id}' must be letters, digits, '-' or '_'.");
        return GenericChart.toFigureJson(Chart);
    }
}
