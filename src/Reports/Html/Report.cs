using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SourceModel.Reports.Figures;

namespace SourceModel.Reports.Html;

/// <summary>
/// A self-contained HTML report: headings, paragraphs, tables of numbers, figures and run metadata, with plotly.js
/// inlined from the Plotly.NET package (<see cref="PlotlyScript"/>) so the file opens offline years later. Each figure's plotly JSON is also written as a sidecar
/// (<c>NAME_files/ID.json</c>) so its numbers can be re-plotted elsewhere, and the report's own outline as
/// <c>NAME_files/report.json</c>, so a later run can <see cref="Load"/> it and <see cref="Include"/> it as one part of a
/// larger report (the pipeline's one report is assembled from its steps' reports, whether a step ran now or earlier).
/// </summary>
public sealed class Report(string title)
{
    /// <summary>One block of the body: encoded HTML, or the id of a figure.</summary>
    private sealed record Block(string? Html, string? FigureId);

    private sealed record Outline(string Title, List<string[]> Metadata, List<Block> Body);

    private readonly List<Block> _body = [];
    private readonly List<Figure> _figures = [];
    private readonly Dictionary<string, string> _json = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Value)> _metadata = [];

    /// <summary>The report title.</summary>
    public string Title { get; } = title;

    /// <summary>Figures added so far, in order.</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>A run fact shown in the metadata table (command, config, versions, seeds, time).</summary>
    public Report Metadata(string key, string value) { _metadata.Add((key, value)); return this; }

    /// <summary>A section heading.</summary>
    public Report Section(string heading) { _body.Add(new Block($"<h2>{Encode(heading)}</h2>", null)); return this; }

    /// <summary>A paragraph of plain text.</summary>
    public Report Paragraph(string text) { _body.Add(new Block($"<p>{Encode(text)}</p>", null)); return this; }

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
        _body.Add(new Block(sb.Append("</tbody></table>").ToString(), null));
        return this;
    }

    /// <summary>A figure (its id must be unique in the report).</summary>
    public Report Add(Figure figure)
    {
        AddJson(figure.Id, figure.ToJson());
        _figures.Add(figure);
        return this;
    }

    private void AddJson(string id, string json)
    {
        if (!_json.TryAdd(id, json)) throw new ArgumentException($"figure id '{id}' is used twice.");
        _body.Add(new Block(null, id));
    }

    /// <summary>Appends <paramref name="part"/> as one section: its title as a heading, its metadata as a table, its
    /// sections one level down, and its figures under ids prefixed with <paramref name="idPrefix"/>.</summary>
    public Report Include(Report part, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(part);
        Section(part.Title);
        if (part._metadata.Count > 0) Table(["run fact", "value"], part._metadata.Select(m => (IReadOnlyList<string>)[m.Key, m.Value]));
        foreach (var b in part._body)
        {
            if (b.FigureId is { } id) AddJson(idPrefix + id, part._json[id]);
            else _body.Add(new Block(b.Html!.Replace("<h2>", "<h3>", StringComparison.Ordinal).Replace("</h2>", "</h3>", StringComparison.Ordinal), null));
        }
        return this;
    }

    /// <summary>A report saved earlier by <see cref="Save"/> (its outline and figure sidecars), to be included elsewhere.</summary>
    public static Report Load(string path)
    {
        string full = Path.GetFullPath(path);
        string sidecars = SidecarFolder(full);
        string outlineFile = Path.Combine(sidecars, "report.json");
        if (!File.Exists(outlineFile)) throw new FileNotFoundException($"{full}: no saved outline ({outlineFile}); write the report again.", outlineFile);
        var outline = JsonSerializer.Deserialize<Outline>(File.ReadAllText(outlineFile))
            ?? throw new InvalidDataException($"{outlineFile}: empty outline.");
        var report = new Report(outline.Title);
        foreach (var m in outline.Metadata) report.Metadata(m[0], m[1]);
        foreach (var b in outline.Body)
        {
            if (b.FigureId is { } id) report.AddJson(id, File.ReadAllText(Path.Combine(sidecars, id + ".json")));
            else report._body.Add(b);
        }
        return report;
    }

    private static string SidecarFolder(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "_files");

    /// <summary>Writes the report to <paramref name="path"/> (temporary file, then moved into place) and the figure
    /// sidecars beside it, with plotly.js inlined (default: Plotly.NET's own, <see cref="PlotlyScript"/>; tests may
    /// pass a stand-in).</summary>
    public void Save(string path, string? plotlyScript = null)
    {
        string plotly = plotlyScript ?? PlotlyScript.Source;
        string full = Path.GetFullPath(path);
        string sidecars = SidecarFolder(full);
        Directory.CreateDirectory(sidecars);
        var jsons = _body.Where(b => b.FigureId is not null).Select(b => (Id: b.FigureId!, Json: _json[b.FigureId!])).ToList();
        foreach (var (id, json) in jsons) WriteAtomically(Path.Combine(sidecars, id + ".json"), json);
        WriteAtomically(Path.Combine(sidecars, "report.json"),
            JsonSerializer.Serialize(new Outline(Title, _metadata.Select(m => new[] { m.Key, m.Value }).ToList(), _body)));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(Title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
            .Append("th{background:#f3f3f3}.figure{width:100%;min-height:450px;margin:1em 0}</style>\n");
        html.Append("<meta name=\"generator\" content=\"SourceModel, figures by Plotly.NET, plotly.js ").Append(PlotlyScript.Version).Append("\">\n");
        html.Append("<script>").Append(plotly.Replace("</script", "<\\/script")).Append("</script>\n</head><body>\n");
        html.Append("<h1>").Append(Encode(Title)).Append("</h1>\n");
        if (_metadata.Count > 0)
        {
            html.Append("<table class=\"metadata\">");
            foreach (var (k, v) in _metadata) html.Append("<tr><th>").Append(Encode(k)).Append("</th><td>").Append(Encode(v)).Append("</td></tr>");
            html.Append("</table>\n");
        }
        foreach (var b in _body)
            html.Append(b.FigureId is { } id ? $"<div class=\"figure\" id=\"{id}\"></div>" : b.Html).Append('\n');
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
