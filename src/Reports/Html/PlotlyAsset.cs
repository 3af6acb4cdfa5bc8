namespace SourceModel.Reports.Html;

/// <summary>
/// Finds plotly.js (the npm package <c>plotly.js-dist-min</c>, installed by <c>npm install</c> at the repository root, see
/// README) so that reports can inline it and open offline. Looked up in <c>SOURCEMODEL_PLOTLY</c> (a file), then in
/// <c>node_modules/plotly.js-dist-min/plotly.min.js</c> above the working directory and above the program.
/// </summary>
public static class PlotlyAsset
{
    private const string Relative = "node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>The path of plotly.min.js, or null when it is not installed.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("SOURCEMODEL_PLOTLY");
        if (!string.IsNullOrEmpty(env) && File.Exists(env)) return env;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Relative);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The path of plotly.min.js, or an <see cref="InvalidOperationException"/> that says how to install it.</summary>
    public static string Require() => Find() ?? throw new InvalidOperationException(
        "plotly.js is not installed: run 'npm install' in the repository folder (it installs plotly.js-dist-min), or set SOURCEMODEL_PLOTLY to a plotly.min.js file.");
}
