using System.Globalization;
using System.Net;
using System.Text;
using SourceModel.Reports.Figures;

namespace SourceModel.Reports.Html;

/// <summary>
/// A self-contained HTML report: headings, paragraphs, tables of numbers, figures and run metadata, with plotly.js
/// inlined so the file opens offline years later. Each figure's plotly JSON is also written as a sidecar
/// (<c>NAME_files/ID.json</c>) so its numbers can be re-plotted elsewhere.
/// </summary>
public sealed class Report(string title)
{
    private readonly List<string> _body = [];
    private readonly List<Figure> _figures = [];
    private readonly List<(string Key, string Value)> _metadata = [];

    /// <summary>The report title.</summary>
    public string Title { get; } = title;

    /// <summary>Figures added so far, in order.</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>A run fact shown in the metadata table (command, config, versions, seeds, time).</summary>
    public Report Metadata(string key, string value) { _metadata.Add((key, value)); return this; }

    /// <summary>A section heading.</summary>
    public Report Section(string heading) { _body.Add($"<h2>{Encode(heading)}</h2>"); return this; }

    /// <summary>A paragraph of plain text.</summary>
    public Report Paragraph(string text) { _body.Add($"<p>{Encode(text)}</p>"); return this; }

    /// <summary>A table: header cells (with units) and rows of text.</summary>
    public Report Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder("<table><thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            if (r.Count != header.Count) throw new ArgumentException($"table row has {r.Count} cells for {header.Count} columns.");
            sb.Append("<tr>");
            foreach (var c in r) sb.Append("<td>").Append(Encode(c)).Append("</td>");
            sb.Append("</tr>");
        }
        _body.Add(sb.Append("</tbody></table>").ToString());
        return this;
    }

    /// <summary>A figure (its id must be unique in the report).</summary>
    public Report Add(Figure figure)
    {
        if (_figures.Any(f => f.Id == figure.Id)) throw new ArgumentException($"figure id '{figure.Id}' is used twice.");
        _figures.Add(figure);
        _body.Add($"<div class=\"figure\" id=\"{figure.Id}\"></div>");
        return this;
    }

    /// <summary>Writes the report to <paramref name="path"/> (temporary file, then moved into place) and the figure
    /// sidecars beside it; plotly.js is read from <paramref name="plotlyPath"/> (default: <see cref="PlotlyAsset.Require"/>).</summary>
    public void Save(string path, string? plotlyPath = null)
    {
        string plotly = File.ReadAllText(plotlyPath ?? PlotlyAsset.Require());
        string full = Path.GetFullPath(path);
        string sidecars = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "_files");
        Directory.CreateDirectory(sidecars);
        var jsons = _figures.ToDictionary(f => f.Id, f => f.ToJson());
        foreach (var (id, json) in jsons) WriteAtomically(Path.Combine(sidecars, id + ".json"), json);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(Title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
            .Append("th{background:#f3f3f3}.figure{width:100%;min-height:450px;margin:1em 0}</style>\n");
        html.Append("<script>").Append(plotly.Replace("</script", "<\\/script")).Append("</script>\n</head><body>\n");
        html.Append("<h1>").Append(Encode(Title)).Append("</h1>\n");
        if (_metadata.Count > 0)
        {
            html.Append("<table class=\"metadata\">");
            foreach (var (k, v) in _metadata) html.Append("<tr><th>").Append(Encode(k)).Append("</th><td>").Append(Encode(v)).Append("</td></tr>");
            html.Append("</table>\n");
        }
        foreach (var b in _body) html.Append(b).Append('\n');
        // When every figure is drawn, the page records the time since navigation started (data-rendered-ms on
        // <body>), so tests and benchmarks can read how long the report took to render.
        html.Append("<script>\nvar drawn=[];\n");
        foreach (var (id, json) in jsons)
            html.Append(CultureInfo.InvariantCulture, $"(function(){{var f={json.Replace("</", "<\\/")};drawn.push(Plotly.newPlot('{id}',f.data,f.layout,{{responsive:true}}));}})();\n");
        html.Append("Promise.all(drawn).then(function(){document.body.setAttribute('data-rendered-ms',String(Math.round(performance.now())));});\n");
        html.Append("</script>\n</body></html>\n");
        WriteAtomically(full, html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void WriteAtomically(string path, string content)
    {
        string temp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
