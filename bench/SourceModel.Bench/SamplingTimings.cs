using System.Globalization;
using System.Text;
using SourceModel.Sampling.Conventions;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Import;
using SourceModel.Sampling.Noise;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Bench;

/// <summary>
/// Wall-clock timings of the data front end against the targets of bench/RESULTS.md. Each workload is run once cold
/// (first call in the process: JIT included, what a user's command pays) and then 5 more times; the median of those
/// is the warm figure. Inputs are synthetic but shaped like real data (see each method).
/// </summary>
public static class SamplingTimings
{
    public static int Run()
    {
        Console.WriteLine($"# SourceModel data front end timings, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| workload | target | cold (s) | warm median (s) |");
        Console.WriteLine("|---|---|---|---|");
        Report("read 1,000,000-line LOS text (lltnde: parse, checks, projection)", "<= 2 s", ReadMillionLines());
        Report("quadtree of a 5000 x 5000 grid (+ leaf dataset), mean", "<= 3 s", Quadtree5000(LeafStatistic.Mean, detrend: false));
        Report("quadtree of a 5000 x 5000 grid (+ leaf dataset), median, scatter about a plane", "<= 3 s", Quadtree5000(LeafStatistic.Median, detrend: true));
        Report("covariance of 2000 leaves + Cholesky factor", "<= 5 s", Covariance2000());
        return 0;
    }

    private static void Report(string name, string target, (double Cold, double Warm) t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {target} | {t.Cold:F2} | {t.Warm:F2} |"));

    private static (double Cold, double Warm) Time(Action a) => ColdWarm.Time(a, runs: 5);

    /// <summary>A million lines like Xu et al.'s .lltnde (8 columns, 6-9 significant digits) over a 2°×2° area.</summary>
    private static (double, double) ReadMillionLines()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sourcemodel-bench-{Environment.ProcessId}.lltnde");
        var rng = new Random(1);
        var sb = new StringBuilder(1_000_000 * 90);
        for (int i = 0; i < 1_000_000; i++)
        {
            double inc = 30 + 15 * rng.NextDouble(), head = 349 + rng.NextDouble();
            double s = Math.Sin(inc * Math.PI / 180);
            sb.Append(CultureInfo.InvariantCulture,
                $"{-118 + 2 * rng.NextDouble():F6} {35 + 2 * rng.NextDouble():F6} {3000 * rng.NextDouble():F3} {-s * Math.Cos(head * Math.PI / 180):F6} {s * Math.Sin(head * Math.PI / 180):F6} {Math.Cos(inc * Math.PI / 180):F6} {200 * (rng.NextDouble() - 0.5):F6} {rng.NextDouble() + 0.01:F9}\n");
        }
        File.WriteAllText(path, sb.ToString());
        sb.Clear();
        sb.Capacity = 0;
        try
        {
            var decl = new DatasetDeclaration("bench", path, DataFormat.Lltnde)
            {
                Units = LengthUnit.Millimetre, Sign = LosSign.TowardSatellite, Vector = VectorDirection.GroundToSatellite,
                Reference = new GeoReference(-117, 36),
            };
            return Time(() =>
            {
                var d = DatasetImporter.Import(decl);
                if (d.Count != 1_000_000) throw new InvalidOperationException("row count");
            });
        }
        finally { File.Delete(path); }
    }

    /// <summary>A 5000×5000 geographic LOS grid (~80 m pixels): a 10 cm deformation bump with fringes of atmosphere-like
    /// noise, and a 15% no-data band (decorrelated area).</summary>
    private static (double, double) Quadtree5000(LeafStatistic statistic, bool detrend)
    {
        const int n = 5000;
        var v = new double[n * n];
        var rng = new Random(2);
        Parallel.For(0, n, j =>
        {
            var r = new Random(j);
            for (int i = 0; i < n; i++)
            {
                double x = (i - 2500) / 500.0, y = (j - 2200) / 400.0;
                double z = 0.1 * Math.Exp(-(x * x + y * y)) + 0.005 * Math.Sin(i / 300.0) * Math.Cos(j / 250.0) + 0.002 * (r.NextDouble() - 0.5);
                v[j * n + i] = i > 3900 && i < 4650 ? double.NaN : z;
            }
        });
        _ = rng;
        var raster = new RasterGrid(n, n, 12.0, 0.0008, 41.0, 0.0008, v, geographic: true);
        var grid = new LosGrid("bench", raster, PixelVectors.Uniform(-0.6, -0.1, 0.794), new GeoReference(14, 43), new SourceModel.Sampling.ImportProvenance("synthetic", "grid", [], 0));
        var options = new QuadtreeOptions(Threshold: 0.002, MinSize: 8, MaxSize: 512, MaxNanFraction: 0.5, Statistic: statistic, Detrend: detrend);
        int leafCount = 0;
        var t = Time(() =>
        {
            var leaves = QuadtreeBuilder.Build(raster, options, grid.Vectors);
            leafCount = LeafDataset.From(grid, leaves, options).Count;
        });
        Console.WriteLine($"<!-- quadtree: {leafCount} leaves -->");
        return t;
    }

    /// <summary>2000 quadtree-like leaves tiling a 128 km square (random subdivision down to 0.5 km, as a quadtree of a
    /// real interferogram gives: small leaves in a few places, big ones elsewhere), exponential model with a nugget.</summary>
    private static (double, double) Covariance2000()
    {
        var rng = new Random(3);
        var tiles = new List<(double X, double Y, double S)> { (0, 0, 128e3) };
        while (tiles.Count < 2000)
        {
            int pick = rng.Next(tiles.Count);
            var (x0, y0, s0) = tiles[pick];
            if (s0 <= 500) continue;
            tiles.RemoveAt(pick);
            double h = s0 / 2;
            tiles.AddRange([(x0, y0, h), (x0 + h, y0, h), (x0, y0 + h, h), (x0 + h, y0 + h, h)]);
        }
        int m = 2000;
        double[] e = tiles.Take(m).Select(t => t.X + t.S / 2).ToArray(), no = tiles.Take(m).Select(t => t.Y + t.S / 2).ToArray();
        double[] size = tiles.Take(m).Select(t => t.S).ToArray();
        int[] px = size.Select(s => (int)(s / 80 * s / 80)).ToArray();
        var model = new ExponentialCovariance(2.5e-5, 8000, 1e-6);
        return Time(() =>
        {
            var c = LeafCovariance.Build(e, no, size, px, model);
            var w = new Whitening(c);
            if (!double.IsFinite(w.LogDeterminant)) throw new InvalidOperationException("factor");
        });
    }
}
