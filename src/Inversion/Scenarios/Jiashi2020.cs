using SourceModel.Okada.Forward;
using SourceModel.Okada.Geometry;
using SourceModel.Okada.Mechanics;
using SourceModel.Sampling;
using SourceModel.Sampling.Grids;
using SourceModel.Sampling.Noise;
using SourceModel.Sampling.Projection;
using SourceModel.Sampling.Quadtree;

namespace SourceModel.Inversion.Scenarios;

/// <summary>Settings of the synthetic Jiashi data.</summary>
public sealed record JiashiScenarioOptions
{
    /// <summary>Pixel spacing of the synthetic interferograms, m.</summary>
    public double PixelSpacing { get; init; } = 250;

    /// <summary>Half the side of the square scene centred on the fault, m.</summary>
    public double HalfSide { get; init; } = 40_000;

    /// <summary>Quadtree variance threshold (RMS scatter within a leaf), m; the default gives about 750 leaves per track.</summary>
    public double QuadtreeThreshold { get; init; } = 0.0012;

    /// <summary>Standard deviation of the correlated (atmospheric) noise, m; 0 for noise-free data.</summary>
    public double NoiseSigma { get; init; }

    /// <summary>e-folding length of the noise covariance, m.</summary>
    public double NoiseRange { get; init; } = 6_000;

    /// <summary>Noise seed: realisation k of the run seed (ascending k = 0, descending k = 1).</summary>
    public long Seed { get; init; } = 1;
}

/// <summary>A synthetic study: the true source and the data it produced.</summary>
/// <param name="Truth">The source the data were computed from.</param>
/// <param name="Datasets">Quadtree-downsampled LOS datasets, each with its leaf covariance and the sigmas on its diagonal.</param>
/// <param name="Reference">Geographic origin of the local frame.</param>
public sealed record SyntheticScenario(RectangularFault Truth, IReadOnlyList<GeodeticDataset> Datasets, GeoReference Reference);

/// <summary>
/// The 2020 Mw 6.0 Jiashi (Xinjiang) thrust as published from InSAR: strike 274.8°, dip 8.8°, rake 105.6°,
/// 22.7 km × 4.7 km, uniform slip 0.37 m, top at 4.58 km depth, near 39.9° N 77.3° E. The synthetic data are
/// Sentinel-1 ascending track 129 (incidence ≈ 39°) and descending track 34 (≈ 34°) LOS fields from the toolkit's own
/// forward model, quadtree-downsampled by its own quadtree, with optional correlated noise drawn from the leaf
/// covariance. Headings are the typical Sentinel-1 flight directions at 40° N (−12.5° ascending, −167.5° descending),
/// constant over the scene.
/// </summary>
public static class Jiashi2020
{
    /// <summary>Origin of the local frame (the top-edge centre of the true fault sits at its origin).</summary>
    public static GeoReference Reference { get; } = new(77.3, 39.9);

    /// <summary>The published source, top-edge centre at the local origin.</summary>
    public static RectangularFault Truth { get; } =
        new(0, 0, 4_580, 22_700, 4_700, 274.8, 8.8, FaultSlip.FromRake(105.6, 0.37));

    /// <summary>Ascending track 129 line of sight (ground to satellite).</summary>
    public static LosVector Ascending { get; } = LosVector.FromIncidenceAndHeading(39, -12.5);

    /// <summary>Descending track 34 line of sight.</summary>
    public static LosVector Descending { get; } = LosVector.FromIncidenceAndHeading(34, -167.5);

    /// <summary>Builds both datasets.</summary>
    public static SyntheticScenario Build(JiashiScenarioOptions? options = null)
    {
        var o = options ?? new JiashiScenarioOptions();
        var medium = ElasticMedium.Default;
        var data = new List<GeodeticDataset>();
        foreach (var (name, los, index) in new[] { ("jiashi_asc_t129", Ascending, 0), ("jiashi_dsc_t034", Descending, 1) })
            data.Add(Track(name, los, index, o, medium));
        return new SyntheticScenario(Truth, data, Reference);
    }

    private static GeodeticDataset Track(string name, LosVector los, int index, JiashiScenarioOptions o, ElasticMedium medium)
    {
        int n = (int)Math.Round(2 * o.HalfSide / o.PixelSpacing) + 1;
        var c = Truth.Centroid;
        double x0 = c.East - o.HalfSide, y0 = c.North - o.HalfSide;
        var east = new double[n * n];
        var north = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                east[j * n + i] = x0 + i * o.PixelSpacing;
                north[j * n + i] = y0 + j * o.PixelSpacing;
            }
        var field = SurfaceDisplacement.Compute([Truth], [], medium, east, north);
        var values = new double[n * n];
        for (int k = 0; k < values.Length; k++) values[k] = field.Los(k, los);
        var raster = new RasterGrid(n, n, x0, o.PixelSpacing, y0, o.PixelSpacing, values, geographic: false);
        var vectors = PixelVectors.Uniform(los.East, los.North, los.Up);
        var quadtree = new QuadtreeOptions(o.QuadtreeThreshold, MinSize: 4, MaxSize: 64);
        var provenance = new ImportProvenance($"synthetic:{name}", "synthetic",
            [$"Jiashi 2020 published model, LOS ({los.East:F4}, {los.North:F4}, {los.Up:F4}) ground to satellite, positive toward the satellite"], n * n);
        var grid = new LosGrid(name, raster, vectors, Reference, provenance);
        var leaves = QuadtreeBuilder.Build(raster, quadtree, vectors);
        var dataset = LeafDataset.From(grid, leaves, quadtree);
        // The leaf covariance is attached even to noise-free data: the inversion then whitens exactly as it would real data.
        double sigma = o.NoiseSigma > 0 ? o.NoiseSigma : 0.005;
        var covariance = LeafCovariance.Build(dataset, new ExponentialCovariance(sigma * sigma, o.NoiseRange));
        dataset = dataset.WithCovariance(covariance).WithSigma(Enumerable.Range(0, dataset.Count).Select(i => Math.Sqrt(covariance[i, i])).ToArray());
        if (o.NoiseSigma > 0)
        {
            var noise = new CorrelatedNoise(covariance).Realisation((int)(o.Seed & 0x7FFFFFFF), index);
            var noisy = dataset.Value.ToArray();
            for (int k = 0; k < noisy.Length; k++) noisy[k] += noise[k];
            dataset = dataset.WithValues(noisy);
        }
        return dataset;
    }
}
