using System.Diagnostics;
using System.Globalization;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;

namespace SourceModel.Bench;

/// <summary>
/// The report target: a page with a 2,000-point data/model/residual triptych and a 1,000-patch slip figure
/// must stay under 10 MB and render in headless Chromium in under 5 s. Render time = the page's own
/// performance.now() when every plotly figure has been drawn (navigation start to drawn, as a reader waits), read
/// from the DOM Chromium dumps; the whole process run (start-up, load, draw, dump) is listed too. 3 runs.
/// </summary>
public static class ReportTimings
{
    public static int Run()
    {
        var rng = new Random(1);
        int n = 2000;
        double[] x = new double[n], y = new double[n], d = new double[n], m = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble() * 100 - 50; y[i] = rng.NextDouble() * 100 - 50;
            m[i] = 20 * Math.Exp(-(x[i] * x[i] + y[i] * y[i]) / 300);
            d[i] = m[i] + rng.NextDouble() - 0.5;
        }
        var ss = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var ds = Enumerable.Range(0, 1000).Select(_ => rng.NextDouble() * 2).ToArray();
        var report = new Report("Report timing")
            .Add(StandardFigures.Triptych("triptych", "data / model / residual", x, y, d, m, "LOS", "cm", size: x.Select(_ => 1.5).ToArray()))
            .Add(StandardFigures.SlipPatches("slip", "slip", 50, 20, 1, 1, ss, ds, new PlaneView(30, 45, 0)));
        string dir = Directory.CreateTempSubdirectory("sourcemodel-report-bench-").FullName;
        string path = Path.Combine(dir, "report.html");
        report.Save(path);
        long bytes = new FileInfo(path).Length;
        var chromium = PngExport.Chromium ?? throw new InvalidOperationException("needs chromium");
        var times = new List<double>();
        var inPage = new List<double>();
        for (int k = 0; k < 3; k++)
        {
            var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         $"--user-data-dir={Path.Combine(dir, "profile" + k)}", "--window-size=1200,1600", "--dump-dom", new Uri(path).AbsoluteUri })
                psi.ArgumentList.Add(a);
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            string dom = p.StandardOutput.ReadToEnd();
            _ = p.StandardError.ReadToEnd();
            p.WaitForExit();
            times.Add(sw.Elapsed.TotalSeconds);
            var match = System.Text.RegularExpressions.Regex.Match(dom, "data-rendered-ms=\"(\\d+)\"");
            if (!match.Success) throw new InvalidOperationException("the page did not report rendering");
            inPage.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0);
            int drawn = new[] { "triptych", "slip" }.Count(id => dom.Contains($"id=\"{id}\"") && dom.Contains("main-svg"));
            if (drawn != 2) throw new InvalidOperationException("not every figure rendered");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| report: 2,000-point triptych + 1,000-patch slip | < 10 MB, < 5 s | {bytes / 1e6:F2} MB | page rendered after {string.Join(", ", inPage.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s; whole chromium run {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s |"));
        Directory.Delete(dir, true);
        return 0;
    }
}
