using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Noise;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel data covariance FILE`: empirical semivariogram of a dataset (optionally only its far field),
/// a fitted exponential or exponential-cosine model, and the full covariance between its points (leaf sizes taken into
/// account), written as CSV in m² when asked.</summary>
internal static class DataCovariance
{
    public sealed record Options(string? Dataset, string Family, double? Bin, double? MaxDistance, string? ExcludeCircle,
        int SubSamples, long Pairs, int Seed, string? Output, bool Detrend, string? Html = null, IReadOnlyList<string>? Command = null);

    public static void Run(string file, Options o, TextWriter stdout)
    {
        var data = Load(file, o.Dataset);
        var family = o.Family switch
        {
            "exponential" => CovarianceFamily.Exponential,
            "exponential-cosine" => CovarianceFamily.ExponentialCosine,
            var s => throw new UserError($"--family '{s}': expected exponential or exponential-cosine."),
        };
        var (e, n, v) = Sample(data, o.ExcludeCircle);
        if (o.Detrend)
        {
            try { v = PlaneTrend.Remove(e, n, v).Residual; }
            catch (ArgumentException ex) { throw new UserError($"{file}: {data.Name}: {UserError.Reason(ex)}"); }
        }
        double extent = Math.Sqrt(Math.Pow(e.Max() - e.Min(), 2) + Math.Pow(n.Max() - n.Min(), 2));
        double maxD = o.MaxDistance ?? extent / 2, bin = o.Bin ?? maxD / 25;
        IReadOnlyList<CovarianceBin> bins;
        CovarianceFitResult fit;
        try
        {
            bins = EmpiricalCovariogram.Compute(e, n, v, bin, maxD, o.Pairs, o.Seed);
            fit = CovarianceFit.Fit(bins, family);
        }
        catch (ArgumentException ex) { throw new UserError($"{file}: {data.Name}: {UserError.Reason(ex)}"); }
        stdout.WriteLine($"{data.Name}: {v.Length} points used for the variogram ({data.Count} in the dataset){(o.Detrend ? ", best-fitting plane removed" : "")}");
        var table = new TextTable("distance km", "semivariance mm²", "covariance mm²", "pairs");
        foreach (var b in bins)
            table.Add(F(b.Distance / 1e3, "0.00"), F(b.Semivariance * 1e6, "0.000"), F(b.Covariance * 1e6, "0.000"), b.Pairs.ToString(CultureInfo.InvariantCulture));
        table.Write(stdout);
        stdout.WriteLine(fit.Model switch
        {
            ExponentialCosineCovariance c => $"fit: exponential-cosine, sill {F(Math.Sqrt(c.Sill) * 1e3, "0.###")} mm (std), range {F(c.Range / 1e3, "0.###")} km, wavelength {F(c.Wavelength / 1e3, "0.###")} km, nugget {F(Math.Sqrt(c.Nugget) * 1e3, "0.###")} mm",
            ExponentialCovariance c => $"fit: exponential, sill {F(Math.Sqrt(c.Sill) * 1e3, "0.###")} mm (std), range {F(c.Range / 1e3, "0.###")} km, nugget {F(Math.Sqrt(c.Nugget) * 1e3, "0.###")} mm",
            _ => "fit: ?",
        } + $"; weighted RMS misfit {F(fit.WeightedRms * 1e6, "0.###")} mm²");
        if (o.Html is { } html) DataReport.Variogram(data.Name, bins, fit.Model, html, o.Command ?? [], stdout);
        if (o.Output is { } output)
        {
            var c = LeafCovariance.Build(data, fit.Model, o.SubSamples);
            _ = new Whitening(c);   // refuse to write a matrix the inversion could not factor
            AtomicFile.Write(output, w =>
            {
                var row = new string[data.Count];
                for (int i = 0; i < data.Count; i++)
                {
                    for (int j = 0; j < data.Count; j++) row[j] = c[i, j].ToString("R", CultureInfo.InvariantCulture);
                    w.WriteLine(string.Join(',', row));
                }
            });
            stdout.WriteLine($"wrote the {data.Count}x{data.Count} covariance (m², row order of the dataset) to {output}");
        }
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static GeodeticDataset Load(string file, string? name)
    {
        string ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is ".yaml" or ".yml")
        {
            var all = DatasetConfig.Load(file).ImportAll();
            var pick = name is null ? all.FirstOrDefault().Data : all.FirstOrDefault(d => d.Data.Name == name).Data;
            return pick ?? throw new UserError($"{file}: no dataset named '{name}'; found {string.Join(", ", all.Select(d => d.Data.Name))}.");
        }
        InputFile.Check(file, "a sourcemodel CSV");
        return DatasetImporter.Import(new DatasetDeclaration(Path.GetFileNameWithoutExtension(file), file, DataFormat.SourceModelCsv));
    }

    private static (double[] E, double[] N, double[] V) Sample(GeodeticDataset d, string? circle)
    {
        var keep = Enumerable.Range(0, d.Count).ToList();
        if (circle is not null)
        {
            var c = NumberFormat.TryParseList(circle, 3) ?? throw new UserError($"--exclude-circle '{circle}': expected EAST,NORTH,RADIUS in metres.");
            keep = keep.Where(i => Math.Pow(d.East[i] - c[0], 2) + Math.Pow(d.North[i] - c[1], 2) > c[2] * c[2]).ToList();
            if (keep.Count < 3) throw new UserError($"--exclude-circle leaves {keep.Count} points; at least 3 are needed.");
        }
        double[] e = keep.Select(i => d.East[i]).ToArray(), n = keep.Select(i => d.North[i]).ToArray(), v = keep.Select(i => d.Value[i]).ToArray();
        return (e, n, v);
    }
}
