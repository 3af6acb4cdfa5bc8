using System.Text.Json;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Noise;

namespace SourceModel.Cli.Commands;

/// <summary>The pipeline's data step: every dataset imported (grids quadtree-downsampled), written as this toolkit's
/// point CSV (the leaves the inversions see), with summary.json (counts, conventions, noise models) and a report of maps.</summary>
internal static class PipelineData
{
    public static void Write(PipelineConfig c, string folder, bool html, TextWriter log, IReadOnlyList<string> command)
    {
        var imported = c.Data.ImportAll();
        foreach (var (d, scatter, _) in imported)
        {
            AtomicFile.Write(Path.Combine(folder, d.Name + ".csv"), w => SourceModelCsv.Write(d, w, scatter));
            log.WriteLine($"  {d.Name}: {d.Count} {(scatter is null ? "points" : "quadtree leaves")}; {d.Provenance.ConventionSummary}");
        }
        var summary = new
        {
            datasets = imported.Select(x => new
            {
                name = x.Data.Name,
                kind = x.Data.Kind.ToString().ToLowerInvariant(),
                count = x.Data.Count,
                file = x.Data.Name + ".csv",
                quadtree = x.Scatter is not null,
                conventions = x.Data.Provenance.ConventionSummary,
                noise = c.Data.Noise.TryGetValue(x.Data.Name, out var m) && m is ExponentialCovariance e
                    ? new { model = "exponential", sigma_m = Math.Sqrt(e.Sill), range_m = e.Range, nugget_m = Math.Sqrt(e.Nugget) }
                    : null,
            }),
        };
        AtomicFile.Write(Path.Combine(folder, "summary.json"), w => w.Write(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true })));
        if (html) DataReport.Datasets(imported.Select(x => x.Data).ToList(), Path.Combine(folder, "report.html"), command, log, imported.Select(x => x.Grid).ToList());
    }
}
