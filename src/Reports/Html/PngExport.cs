using System.Diagnostics;

namespace SourceModel.Reports.Html;

/// <summary>Static PNG of a report page through headless Chromium (Debian package <c>chromium</c>), for papers.</summary>
public static class PngExport
{
    /// <summary>The Chromium executable, or null when none is installed. <c>SOURCEMODEL_CHROMIUM</c> names another
    /// executable, or <c>none</c> to behave as on a machine without a browser.</summary>
    public static string? Chromium
    {
        get
        {
            string? chosen = Environment.GetEnvironmentVariable("SOURCEMODEL_CHROMIUM");
            if (chosen == "none") return null;
            if (!string.IsNullOrEmpty(chosen)) return File.Exists(chosen) ? chosen : null;
            return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        }
    }

    /// <summary>Renders <paramref name="html"/> (a file) to <paramref name="png"/>, <paramref name="width"/> × <paramref name="height"/> px.</summary>
    public static void Screenshot(string html, string png, int width = 1400, int height = 2400)
    {
        var exe = Chromium ?? throw new InvalidOperationException("PNG export needs Chromium: install the Debian package 'chromium'.");
        string profile = Path.Combine(Path.GetTempPath(), "sourcemodel-png-" + Guid.NewGuid().ToString("N"));
        string temp = Path.GetFullPath(png) + ".tmp.png";
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}",
                     "--virtual-time-budget=15000", $"--window-size={width},{height}", $"--screenshot={temp}", new Uri(Path.GetFullPath(html)).AbsoluteUri })
            psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("Chromium did not finish the screenshot in 120 s."); }
            if (!File.Exists(temp)) throw new InvalidOperationException($"Chromium wrote no screenshot (exit code {p.ExitCode}).");
            File.Move(temp, png, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
