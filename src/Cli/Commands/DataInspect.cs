using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling;
using SourceModel.Sampling.Import;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel data inspect FILE…`: imports every dataset of each YAML declaration (or a sourcemodel CSV,
/// whose conventions are its own) and prints what the inversion will see — points, extent, value range, unit-vector
/// statistics and incidence, noise model — and the conventions applied.</summary>
internal static class DataInspect
{
    public static void Run(IReadOnlyList<string> configs, TextWriter stdout, string? html = null, IReadOnlyList<string>? command = null)
    {
        if (configs.Count == 0) throw new UserError("give at least one dataset declaration file (YAML), e.g. examples/data/laquila.yaml, or a sourcemodel CSV.");
        var all = new List<GeodeticDataset>();
        var grids = new List<Sampling.Grids.GridPreview?>();
        foreach (var path in configs)
        {
            if (!IsYaml(path)) InputFile.Check(path, "a sourcemodel CSV");
            var imported = IsYaml(path)
                ? DatasetConfig.Load(path).ImportAll()
                : [(DatasetImporter.Import(new DatasetDeclaration(Path.GetFileNameWithoutExtension(path), path, DataFormat.SourceModelCsv)), null, null)];
            var data = imported.Select(d => d.Data).ToList();
            grids.AddRange(imported.Select(d => d.Grid));
            stdout.WriteLine($"{path}: {data.Count} dataset(s)");
            all.AddRange(data);
            var table = new TextTable("dataset", "kind", "points", "east km", "north km", "value m", "mean unit E,N,U", "incidence deg", "noise");
            foreach (var d in data) table.Add(Row(d));
            table.Write(stdout);
            foreach (var d in data)
            {
                stdout.WriteLine($"{d.Name}: {d.Provenance.Format} from {d.Provenance.SourceFile} ({d.Provenance.RowsRead} rows read)");
                foreach (var c in d.Provenance.Conventions) stdout.WriteLine($"  - {c}");
            }
            stdout.WriteLine();
        }
        if (html is not null) DataReport.Datasets(all, html, command ?? [], stdout, grids);
    }

    private static bool IsYaml(string path) => Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Range of the angle between the LOS and the vertical (what a reader checks against the track's metadata).</summary>
    private static string Incidence(GeodeticDataset d)
    {
        double lo = 90, hi = 0;
        foreach (double u in d.UnitUp)
        {
            double inc = Math.Acos(Math.Clamp(u, -1, 1)) * 180 / Math.PI;
            lo = Math.Min(lo, inc);
            hi = Math.Max(hi, inc);
        }
        return $"{F(lo, "0.0")}..{F(hi, "0.0")}";
    }

    private static string[] Row(GeodeticDataset d)
    {
        static (double Min, double Max) Range(ReadOnlySpan<double> s)
        {
            double lo = double.MaxValue, hi = double.MinValue;
            foreach (double v in s) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            return (lo, hi);
        }
        static double Mean(ReadOnlySpan<double> s)
        {
            double sum = 0;
            foreach (double v in s) sum += v;
            return sum / s.Length;
        }
        var e = Range(d.East);
        var n = Range(d.North);
        var v = Range(d.Value);
        string noise = d.Covariance is not null ? $"covariance {d.Count}x{d.Count}"
            : d.Sigma.Length > 0 ? $"sigma {F(Range(d.Sigma).Min * 1000, "0.###")}-{F(Range(d.Sigma).Max * 1000, "0.###")} mm"
            : "none";
        return
        [
            d.Name, d.Kind.ToString(), d.Count.ToString(CultureInfo.InvariantCulture),
            $"{F(e.Min / 1e3, "0.0")}..{F(e.Max / 1e3, "0.0")}", $"{F(n.Min / 1e3, "0.0")}..{F(n.Max / 1e3, "0.0")}",
            $"{F(v.Min, "0.0000")}..{F(v.Max, "0.0000")}",
            $"{F(Mean(d.UnitEast), "0.000")},{F(Mean(d.UnitNorth), "0.000")},{F(Mean(d.UnitUp), "0.000")}",
            d.Kind == DatasetKind.Los ? Incidence(d) : "-",
            noise,
        ];
    }
}
