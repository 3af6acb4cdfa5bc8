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
        Converters = { new NaNAsNull() },
        WriteIndented = false,
        // Units such as mm² and μ stay readable in the sidecars; the page escapes "</" itself.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The figure as plotly JSON: <c>{"data": [...], "layout": {...}}</c> (NaN becomes null: a gap in plotly).</summary>
    public string ToJson()
    {
        if (Id.Length == 0 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"figure id '{Id}' must be letters, digits, '-' or '_'.");
        return JsonSerializer.Serialize(new { data = Data.Cast<object>().ToArray(), layout = Layout }, Options);
    }

    /// <summary>JSON has no NaN or infinities; plotly reads null as a missing value (a gap), so non-finite numbers are
    /// written as null.</summary>
    private sealed class NaNAsNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
