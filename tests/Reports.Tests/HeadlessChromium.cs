using System.Diagnostics;

namespace SourceModel.Reports.Tests;

/// <summary>Debian's headless Chromium, driven from the command line: the DOM after scripts ran, console messages,
/// and a screenshot.</summary>
public static class HeadlessChromium
{
    public static string? Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Loads <paramref name="html"/>, lets scripts run, returns the DOM and the console lines; writes a screenshot.</summary>
    public static (string Dom, IReadOnlyList<string> Console, TimeSpan Elapsed) Render(string html, string screenshot)
    {
        var url = new Uri(Path.GetFullPath(html)).AbsoluteUri;
        // A profile per run: two renders at once must not share one (Chromium locks it).
        string profile = Path.Combine(Path.GetTempPath(), "sourcemodel-chromium-" + Guid.NewGuid().ToString("N"));
        // The background-networking flags keep Chromium from trying to reach Google's services, which a closed network
        // refuses (or leaves hanging) at every start; see the machine notes of this workplace.
        string[] common = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--enable-unsafe-swiftshader",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            $"--user-data-dir={profile}",
            "--virtual-time-budget=15000", "--window-size=1200,1600"];
        var clock = Stopwatch.StartNew();
        var (dom, log) = Run([.. common, "--enable-logging=stderr", "--v=0", "--dump-dom", url]);
        var elapsed = clock.Elapsed;
        Run([.. common, $"--screenshot={Path.GetFullPath(screenshot)}", url]);
        try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var console = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && !IsBrowserDiagnostic(l)).ToList();
        return (dom, console, elapsed);
    }

    /// <summary>Chromium's own notes about its software WebGL and canvas readback (no GPU here) are printed as console
    /// lines too; they are not the page's messages. Everything else the page prints counts.</summary>
    private static bool IsBrowserDiagnostic(string line) =>
        line.Contains("\"[.WebGL-", StringComparison.Ordinal) && line.Contains("GL Driver Message", StringComparison.Ordinal)
        || line.Contains("Automatic fallback to software WebGL", StringComparison.Ordinal)
        || line.Contains("\"Canvas2D: Multiple readback operations using getImageData", StringComparison.Ordinal);

    /// <summary>Asserts that plotly drew into every figure div of the dumped DOM (its SVG root is there).</summary>
    public static void AssertEveryFigureDrawn(string dom, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            int at = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, $"figure div {id} missing from the rendered page");
            int next = dom.IndexOf("class=\"figure", at + 1, StringComparison.Ordinal);
            Assert.Contains("main-svg", next < 0 ? dom[at..] : dom[at..next]);
        }
    }

    private static (string Out, string Err) Run(string[] args)
    {
        var psi = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Generous: on a loaded two-core machine (test assemblies in parallel) a render can take minutes, not seconds.
        if (!p.WaitForExit(300_000)) { p.Kill(true); throw new TimeoutException("chromium did not finish in 300 s"); }
        return (stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs headless Chromium (plotly.js itself comes inside Plotly.NET); skipped with the reason when
/// Chromium is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
            Skip = "Needs Debian's chromium (apt-get install chromium; .ci/run installs it) for the headless browser test.";
    }
}
