using System.Globalization;
using SourceModel.Cli.Infrastructure;
using SourceModel.Sampling;

namespace SourceModel.Cli.Commands;

/// <summary>`sourcemodel data inspect CONFIG.yaml…`: imports every declared dataset and prints what the inversion
/// will see — points, extent, value range, unit-vector statistics, noise model — and the conventions applied.</summary>
internal static class DataInspect
{
    public static void Run(IReadOnlyList<string> configs, TextWriter stdout)
    {
        if (configs.Count == 0) throw new UserError("give at least one dataset declaration file (YAML), e.g. examples/data/laquila.yaml.");
        foreach (var path in configs)
        {
            var config = DatasetConfig.Load(path);
            var data = config.ImportAll();
            stdout.WriteLine($"{path}: {data.Count} dataset(s)");
            var table = new TextTable("dataset", "kind", "points", "east km", "north km", "value m", "mean unit E,N,U", "noise");
            foreach (var (d, _) in data) table.Add(Row(d));
            table.Write(stdout);
            foreach (var (d, _) in data)
            {
                stdout.WriteLine($"{d.Name}: {d.Provenance.Format} from {d.Provenance.SourceFile} ({d.Provenance.RowsRead} rows read)");
                foreach (var c in d.Provenance.Conventions) stdout.WriteLine($"  - {c}");
            }
            stdout.WriteLine();
        }
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

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
            noise,
        ];
    }
}
