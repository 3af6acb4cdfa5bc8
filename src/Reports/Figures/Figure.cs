using System.Text.Json;
using System.Text.Json.Serialization;

namespace SourceModel.Reports.Figures;

/// <summary>A plotly figure: traces and a layout. <see cref="Id"/> names its div and its data sidecar.</summary>
/// <param name="Id">Identifier (letters, digits, '-' and '_'), unique within a report.</param>
/// <param name="Data">The traces.</param>
/// <param name="Layout">Axes, title, annotations.</param>
public sealed record Figure(string Id, IReadOnlyList<Trace> Data, Layout Layout)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
        // Units such as mm² and μ stay readable in the sidecars; the page escapes "</" itself.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The figure as plotly JSON: <c>{"data": [...], "layout": {...}}</c> (NaN becomes null: a gap in plotly).</summary>
    public string ToJson()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"figure id '{Id}' must be letters, digits, '-' or '_'.");
        var json = JsonSerializer.Serialize(new { data = Data.Cast<object>().ToArray(), layout = Layout }, Options);
        // plotly reads null as a missing value; JSON has no NaN.
        return json.Replace("\"NaN\"", "null");
    }
}
