using Plotly.NET;

namespace SourceModel.Reports.Html;

/// <summary>
/// plotly.js as shipped inside the Plotly.NET package (an embedded resource of its assembly, the same file Plotly.NET
/// inlines for <c>PlotlyJSReference.Full</c>), so a report opens offline with nothing installed but the .NET SDK.
/// </summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The plotly.js version the reports inline (Plotly.NET's <c>Globals.PLOTLYJS_VERSION</c>).</summary>
    public static string Version => Globals.PLOTLYJS_VERSION;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    private static string Read()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET {assembly.GetName().Version} carries no '{name}' resource; the package is damaged or of an unexpected version.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
