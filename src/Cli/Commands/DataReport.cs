using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;
using SourceModel.Sampling.Noise;

namespace SourceModel.Cli.Commands;

/// <summary>HTML views of the data commands: maps of every dataset (quadtree leaves outlined when their sizes are known)
/// and the variogram with its fitted model.</summary>
internal static class DataReport
{
    /// <summary>One point map per dataset (value in cm, local km), plus the convention list.</summary>
    public static void Datasets(IReadOnlyList<GeodeticDataset> data, string html, IReadOnlyList<string> command, TextWriter log)
    {
        var report = new Report("Datasets").Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        foreach (var (d, k) in data.Select((d, k) => (d, k)))
        {
            var e = d.East.ToArray().Select(v => v / 1000).ToArray();
            var n = d.North.ToArray().Select(v => v / 1000).ToArray();
            var outlines = d.LeafSize.Length > 0 && d.LeafSize.ToArray().Any(s => s > 0)
                ? new[] { StandardFigures.LeafOutlines(e, n, d.LeafSize.ToArray().Select(s => s / 1000).ToArray()) }
                : null;
            report.Section($"{d.Name} ({d.Kind}, {d.Count} points)")
                .Paragraph(d.Provenance.ConventionSummary)
                .Add(StandardFigures.PointMap($"dataset-{k + 1}", d.Name, e, n, d.Value.ToArray().Select(v => v * 100).ToArray(),
                    d.Kind == DatasetKind.Los ? "LOS" : "displacement", "cm", outlines: outlines));
        }
        Save(report, html, log);
    }

    /// <summary>The empirical semivariogram with the fitted model's curve.</summary>
    public static void Variogram(string name, IReadOnlyList<CovarianceBin> bins, CovarianceModel model, string html, IReadOnlyList<string> command, TextWriter log)
    {
        double maxD = bins.Max(b => b.Distance);
        var curveX = Enumerable.Range(0, 200).Select(i => maxD * i / 199.0).ToArray();
        var report = new Report($"Noise of {name}").Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Add(StandardFigures.Profile("variogram", "semivariogram", bins.Select(b => b.Distance / 1000).ToArray(),
                bins.Select(b => b.Semivariance * 1e6).ToArray(), null, ("distance", "km"), ("semivariance", "mm²"),
                ("fitted model", curveX.Select(x => x / 1000).ToArray(), curveX.Select(x => model.Semivariance(x) * 1e6).ToArray())))
            .Table(["distance (km)", "semivariance (mm²)", "covariance (mm²)", "pairs"],
                bins.Select(b => (IReadOnlyList<string>)[F(b.Distance / 1000), F(b.Semivariance * 1e6), F(b.Covariance * 1e6), b.Pairs.ToString(CultureInfo.InvariantCulture)]));
        Save(report, html, log);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Save(Report report, string html, TextWriter log)
    {
        try { report.Save(html); }
        catch (InvalidOperationException e) { throw new UserError(e.Message); }
        log.WriteLine($"wrote {html} ({report.Figures.Count} figure(s)).");
    }
}
