using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Inversion.Results;
using SourceModel.Reports.Figures;
using SourceModel.Reports.Html;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>How steps 1 and 2 show the fit to one dataset: the predictions CSV and the report section (data, model and
/// residual maps with the fault drawn on, and the nuisance terms).</summary>
internal static class DatasetFitOutput
{
    /// <summary><c>east_m,north_m[,lon,lat],observed_m,model_m,source_m,residual_m</c>, one row per observation.</summary>
    public static void WritePredictions(TextWriter w, GeodeticDataset d, DatasetFit fit)
    {
        bool geo = d.Longitude.Length > 0;
        CsvTable.Write(w, ["east_m", "north_m", .. (geo ? new[] { "lon", "lat" } : []), "observed_m", "model_m", "source_m", "residual_m"],
            Enumerable.Range(0, d.Count).Select(i => (IEnumerable<string>)[R(d.East[i]), R(d.North[i]),
                .. (geo ? new[] { R(d.Longitude[i]), R(d.Latitude[i]) } : []),
                R(fit.Observed[i]), R(fit.Model[i]), R(fit.SourcePrediction[i]), R(fit.Residual[i])]));
    }

    /// <summary>A report section: RMS and correlation in the heading, the triptych (cm, km) and the nuisance table.</summary>
    public static void AddSection(Report report, int index, GeodeticDataset d, DatasetFit f, IReadOnlyList<Polyline> outlines)
    {
        var view = DatasetMapView.Of(d);
        report.Section(string.Create(CultureInfo.InvariantCulture, $"{d.Name}: RMS {f.Rms * 100:0.00} cm, correlation {f.Correlation:0.000}"))
            .Add(StandardFigures.Triptych($"fit-{index + 1}", $"{d.Name}: data, model, residual", view.East, view.North,
                f.Observed.Select(v => v * 100).ToArray(), f.Model.Select(v => v * 100).ToArray(),
                d.Kind == DatasetKind.Los ? "LOS" : "displacement", "cm", outlines: outlines, size: view.LeafSize, hover: view.Hover));
        if (f.NuisanceNames.Count > 0)
            report.Table(["nuisance term", "value"], f.NuisanceNames.Select((n, j) => (IReadOnlyList<string>)[n, f.Nuisance[j].ToString("G5", CultureInfo.InvariantCulture)]));
    }

    private static string R(double v) => NumberFormat.RoundTrip(v);
}
