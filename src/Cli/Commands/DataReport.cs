using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Noise;

namespace SourceModel.Cli.Commands;

/// <summary>HTML views of the data commands: maps of every dataset (quadtree leaves outlined when their sizes are known)
/// and the variogram with its fitted model.</summary>
internal static class DataReport
{
    /// <summary>One map per dataset (value in cm, local km; quadtree leaves filled over their true extent when their
    /// sizes are known, points otherwise; lon/lat on hover), plus the convention list.</summary>
    public static void Datasets(IReadOnlyList<GeodeticDataset> data, string html, IReadOnlyList<string> command, TextWriter log,
        IReadOnlyList<GridPreview?>? grids = null)
    {
        var report = new Report("Datasets").Metadata("command", "sourcemodel " + string.Join(' ', command))
            .Metadata("created (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        foreach (var (d, k) in data.Select((d, k) => (d, k)))
        {
            var view = DatasetMapView.Of(d);
            var cm = d.Value.ToArray().Select(v => v * 100).ToArray();
            string quantity = d.Kind == DatasetKind.Los ? "LOS" : "displacement";
            report.Section($"{d.Name} ({d.Kind}, {d.Count} points)")
                .Paragraph(d.Provenance.ConventionSummary)
                .Add(view.LeafSize is { } size
                    ? StandardFigures.LeafMap($"dataset-{k + 1}", d.Name, view.East, view.North, size, cm, quantity, "cm", hover: view.Hover)
                    : StandardFigures.PointMap($"dataset-{k + 1}", d.Name, view.East, view.North, cm, quantity, "cm", hover: view.Hover));
            if (grids is not null && k < grids.Count && grids[k] is { } grid) AddGrid(report, k, grid, quantity);
        }
        Save(report, html, log);
    }

    /// <summary>The interferogram the leaves were cut from (masked pixels left blank) and the mask (pixels kept by the
    /// coherence threshold and the no-data value), in the grid's own coordinates; block means when it is large.</summary>
    private static void AddGrid(Report report, int k, GridPreview grid, string quantity)
    {
        var g = grid.Layout;
        var values = grid.Mean.Select(row => row.Select(v => Math.Round(v * 100, 4)).ToArray()).ToArray();   // cm
        var kept = grid.Kept.Select(row => row.Select(v => Math.Round(v, 3)).ToArray()).ToArray();
        double scale = g.Geographic ? 1 : 1e-3;
        string unit = g.Geographic ? "°" : "km";
        var x = grid.X.Select(v => v * scale).ToArray();
        var y = grid.Y.Select(v => v * scale).ToArray();
        (string, string) X = (g.Geographic ? "longitude" : "grid x", unit), Y = (g.Geographic ? "latitude" : "grid y", unit);
        string blocks = grid.Step == 1 ? "" : $", drawn as means of {grid.Step} × {grid.Step} pixels";
        report.Paragraph($"Full resolution: {g.Nx} × {g.Ny} pixels{blocks}; blank where masked (coherence or no data).")
            .Add(StandardFigures.FieldMap($"grid-{k + 1}", $"{grid.Name}: full-resolution interferogram", x, y, values, quantity, "cm", X, Y,
                equalAspect: !g.Geographic))
            .Add(StandardFigures.FieldMap($"mask-{k + 1}", $"{grid.Name}: pixels kept (1) and masked (0)", x, y, kept, "share kept", "–", X, Y,
                diverging: false, equalAspect: !g.Geographic));
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
        report.Save(html);
        log.WriteLine($"wrote {html} ({report.Figures.Count} figure(s)).");
    }
}
